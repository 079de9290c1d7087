/**
 * Organisations' signing keys (R34): an administrator registers and revokes the public keys of the
 * organisations in their scope (a school administrator their own school). Every change is audited.
 */
import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { authorizeViewer } from "../auth/access";
import { organizationWhere, type Viewer } from "../auth/scope";
import { fingerprint, parsePublicKey, publicKeyPem } from "./crypto";
import { forgetKeys } from "./verifier";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "packages.keys.badDate");

export const keyRegistration = z
  .object({
    organizationId: z.string().min(1),
    label: z.string().trim().min(1).max(200),
    publicKey: z.string().trim().min(1).max(5000),
    validFrom: day,
    validTo: day,
  })
  .refine((v) => v.validTo >= v.validFrom, { path: ["validTo"], message: "packages.keys.badRange" });

export const keyRevocation = z.object({ id: z.string().min(1) });

export type KeyRegistration = z.infer<typeof keyRegistration>;

async function organizationInScope(viewer: Viewer, organizationId: string) {
  const { scope } = authorizeViewer(viewer, "packages.manage");
  const org = await prisma.organization.findFirst({
    where: { id: organizationId, ...organizationWhere(scope) },
    select: { id: true, bin: true },
  });
  if (!org) throw new AppError("outOfScope");
  return org;
}

export async function registerKey(viewer: Viewer, input: KeyRegistration) {
  await organizationInScope(viewer, input.organizationId);
  const key = parsePublicKey(input.publicKey);
  if (!key) throw new AppError("validation", { publicKey: "packages.keys.notEd25519" });
  const id = fingerprint(key);
  return prisma.$transaction(async (tx) => {
    if (await tx.packageKey.findUnique({ where: { fingerprint: id }, select: { id: true } }))
      throw new AppError("duplicate", { publicKey: "packages.keys.taken" });
    const created = await tx.packageKey.create({
      data: {
        organizationId: input.organizationId,
        label: input.label,
        publicKey: publicKeyPem(key),
        fingerprint: id,
        validFrom: new Date(`${input.validFrom}T00:00:00Z`),
        validTo: new Date(`${input.validTo}T23:59:59.999Z`),
        createdById: viewer.userId,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "PackageKey",
      entityId: created.id,
      after: { ...created, publicKey: undefined },
    });
    return created;
  });
}

export async function revokeKey(viewer: Viewer, input: { id: string }) {
  const { scope } = authorizeViewer(viewer, "packages.manage");
  return prisma.$transaction(async (tx) => {
    const key = await tx.packageKey.findFirst({ where: { id: input.id, organization: organizationWhere(scope) } });
    if (!key) throw new AppError("notFound");
    if (key.revokedAt) throw new AppError("conflict", { id: "packages.keys.alreadyRevoked" });
    const after = await tx.packageKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "revoke",
      entity: "PackageKey",
      entityId: key.id,
      before: { revokedAt: null },
      after: { revokedAt: after.revokedAt },
    });
    forgetKeys();
    return after;
  });
}

/** Keys of the organisations in the viewer's scope (optionally one organisation). */
export async function listKeys(viewer: Viewer, organizationId?: string) {
  const { scope } = authorizeViewer(viewer, "packages.manage");
  return prisma.packageKey.findMany({
    where: { organization: organizationWhere(scope), ...(organizationId ? { organizationId } : {}) },
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    include: { organization: { select: { id: true, bin: true, nameKk: true, nameRu: true, nameEn: true } } },
  });
}

/** Organisations the viewer may register keys for (a school admin: their own; others: search by BIN). */
export async function keyOrganizations(viewer: Viewer, bin?: string) {
  const { scope } = authorizeViewer(viewer, "packages.manage");
  return prisma.organization.findMany({
    where: { ...organizationWhere(scope), ...(bin ? { bin: { startsWith: bin } } : {}) },
    orderBy: { bin: "asc" },
    take: 50,
    select: { id: true, bin: true, nameKk: true, nameRu: true, nameEn: true },
  });
}
