/** The administrators' view of received packages (R36): list, original bytes, re-verification, purge. */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { authorizeViewer } from "../auth/access";
import { organizationWhere, type Viewer } from "../auth/scope";
import { sha256Hex, verifyBytes } from "./crypto";
import type { Receipt } from "./format";

export async function listPackages(viewer: Viewer, options: { page?: number; size?: number } = {}) {
  const { scope } = authorizeViewer(viewer, "packages.manage");
  const size = Math.min(Math.max(options.size ?? 50, 1), 200);
  const page = Math.max(options.page ?? 1, 1);
  const where = { organization: organizationWhere(scope) };
  const [rows, total] = await Promise.all([
    prisma.dataPackage.findMany({
      where,
      orderBy: { receivedAt: "desc" },
      skip: (page - 1) * size,
      take: size,
      select: {
        id: true,
        formCode: true,
        year: true,
        periodLabel: true,
        size: true,
        receivedAt: true,
        verdict: true,
        submissionId: true,
        organization: { select: { bin: true, nameKk: true, nameRu: true, nameEn: true } },
      },
    }),
    prisma.dataPackage.count({ where }),
  ]);
  return { rows, total, page, size };
}

/** One package in the viewer's scope with its original bytes, key and receipt. */
export async function getPackage(viewer: Viewer, id: string) {
  const { scope } = authorizeViewer(viewer, "packages.manage");
  const row = await prisma.dataPackage.findFirst({
    where: { id, organization: organizationWhere(scope) },
    include: { key: true, organization: { select: { bin: true, nameKk: true, nameRu: true, nameEn: true } } },
  });
  if (!row) throw new AppError("notFound");
  return { ...row, receipt: row.receipt as unknown as Receipt };
}

export interface Reverification {
  signatureValid: boolean;
  hashMatches: boolean;
  keyRevokedSince: Date | null;
}

/** Checks the stored original again: the detached signature against the registered key, and its sha256. */
export async function reverifyPackage(viewer: Viewer, id: string): Promise<Reverification> {
  const row = await getPackage(viewer, id);
  return {
    signatureValid: verifyBytes(row.bytes, row.signature, row.key.publicKey),
    hashMatches: sha256Hex(row.bytes) === row.sha256,
    keyRevokedSince: row.key.revokedAt,
  };
}
