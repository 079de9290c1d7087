/**
 * Registers of incoming and outgoing official letters of an organisation (R31, electronic document
 * management). Administrators keep the registers of their own organisation (a school's admin — the
 * school; an authority's admin — their education department or the ministry) and read those of the
 * organisations in their scope. Registration numbers run per organisation, direction and year without
 * gaps: the counter row is incremented in the registering transaction, and a cancelled letter keeps its
 * number. Every change writes an audit entry in the same transaction.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import { roleHas, rolesWith } from "../auth/permissions";
import { organizationWhere, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { pageWindow, type Page } from "../data-table/params";
import { dateValue } from "../diary/dates";
import { almatyDate } from "../time";
import {
  canMove,
  isOverdue,
  letterNumber,
  OPEN_STATUSES,
  registerYear,
  LETTER_FILE_KINDS,
  MAX_FILE_BYTES,
  type Direction,
  type Status,
} from "./rules";
import type { LetterQuery, LetterRegister, LetterStatusChange, LetterUpdate } from "./schemas";
import { blobStore, storeUpload } from "../files/store";
import { NAMED } from "../names";

type Tx = Prisma.TransactionClient;

const AUTHORITY_KINDS = ["EDU_DEPT_REGION", "EDU_DEPT_DISTRICT"];

/**
 * The organisations whose registers the viewer keeps: the organisation of an organisation-scoped role, the
 * education department of the territory of an authority admin, the ministry for the ministry's admins.
 */
export function ownOrganizationWhere(viewer: Viewer): Prisma.OrganizationWhereInput {
  authorizeViewer(viewer, "letters.manage");
  const or: Prisma.OrganizationWhereInput[] = [];
  for (const r of viewer.roles) {
    if (!roleHas(r.role, "letters.manage")) continue;
    if (r.organizationId) or.push({ id: r.organizationId });
    // a role over the whole republic keeps the ministry's register
    else if (r.territoryPath?.split("/").filter(Boolean).length === 1) or.push({ kind: { code: "MINISTRY" } });
    else if (r.territoryId) or.push({ territoryId: r.territoryId, kind: { code: { in: AUTHORITY_KINDS } } });
  }
  // an empty list must match nothing
  return { OR: [...or, { id: { in: [] as string[] } }] };
}

/** The registers the viewer may read: the organisations of their scope (read-only beyond their own). */
function readableWhere(viewer: Viewer): Prisma.OrganizationWhereInput {
  const { scope } = authorizeViewer(viewer, "letters.read");
  return organizationWhere(scope);
}

/** Organisations the viewer keeps registers for (for the choice in the forms), by name. */
export async function ownOrganizations(viewer: Viewer) {
  return prisma.organization.findMany({
    where: ownOrganizationWhere(viewer),
    select: NAMED,
    orderBy: { nameRu: "asc" },
    take: 50,
  });
}

async function ownOrganization(tx: Tx, viewer: Viewer, organizationId: string): Promise<{ id: string }> {
  const org = await tx.organization.findFirst({
    where: { AND: [{ id: organizationId }, ownOrganizationWhere(viewer)] },
    select: { id: true },
  });
  if (!org) throw new AppError("outOfScope", { organizationId: "letters.outOfScope" });
  return org;
}

/** An active member of the organisation's staff (a role in it that may execute letters). */
const staffOf = (organizationId: string) => ({
  active: true,
  roles: { some: { organizationId, role: { in: [...rolesWith("letters.execute")] } } },
});

/** People who may execute letters of an organisation: its staff (not its pupils or their parents). */
export async function executorsOf(viewer: Viewer, organizationId: string) {
  const org = await prisma.organization.findFirst({
    where: { AND: [{ id: organizationId }, readableWhere(viewer)] },
    select: { id: true },
  });
  if (!org) throw new AppError("notFound");
  return prisma.user.findMany({
    where: staffOf(organizationId),
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
    take: 500,
  });
}

async function checkExecutor(tx: Tx, organizationId: string, executorId: string | undefined): Promise<void> {
  if (!executorId) return;
  const user = await tx.user.findFirst({
    where: { id: executorId, ...staffOf(organizationId) },
    select: { id: true },
  });
  if (!user) throw new AppError("validation", { executorId: "letters.executorInvalid" });
}

/** The same letter registered twice: a correspondent's number already in this register (not cancelled). */
async function checkDuplicate(
  tx: Tx,
  letter: {
    id?: string;
    organizationId: string;
    direction: Direction;
    letterNumber?: string;
    correspondent: string;
    letterDate?: string;
  },
) {
  if (!letter.letterNumber) return;
  const existing = await tx.letter.findFirst({
    where: {
      organizationId: letter.organizationId,
      direction: letter.direction,
      letterNumber: { equals: letter.letterNumber, mode: "insensitive" },
      correspondent: { equals: letter.correspondent, mode: "insensitive" },
      status: { not: "CANCELLED" },
      ...(letter.letterDate ? { letterDate: dateValue(letter.letterDate) } : {}),
      ...(letter.id ? { id: { not: letter.id } } : {}),
    },
    select: { number: true },
  });
  if (existing)
    throw new AppError("duplicate", { letterNumber: "letters.duplicateNumber" }, { number: existing.number });
}

/**
 * Takes the next registration number of a register: one statement that creates or increments the counter
 * row and returns its new value. The row stays locked until the transaction ends, so a concurrent
 * registration waits and gets the next number; a rolled-back registration gives its number back.
 */
export async function nextSequence(
  tx: Tx,
  organizationId: string,
  direction: Direction,
  year: number,
): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "LetterCounter" ("organizationId", "direction", "year", "last")
    VALUES (${organizationId}, ${direction}::"LetterDirection", ${year}, 1)
    ON CONFLICT ("organizationId", "direction", "year") DO UPDATE SET "last" = "LetterCounter"."last" + 1
    RETURNING "last"`;
  return Number(rows[0]!.last);
}

/**
 * Registers a letter in the register of one of the viewer's own organisations and gives it the next
 * number. An outgoing letter may answer an incoming one of the same organisation: that letter becomes
 * ANSWERED. Refused (nothing written): an organisation not the viewer's own, an executor not of the
 * organisation, a reply to something that is not an open-or-answered incoming letter of the organisation,
 * the same correspondent's number registered twice.
 */
export async function registerLetter(
  viewer: Viewer,
  input: LetterRegister,
  now = new Date(),
): Promise<{ id: string; number: string }> {
  authorizeViewer(viewer, "letters.manage");
  return prisma.$transaction(async (tx) => {
    const org = await ownOrganization(tx, viewer, input.organizationId);
    await checkExecutor(tx, org.id, input.executorId);
    await checkDuplicate(tx, { ...input, organizationId: org.id });
    let replyTo: { id: string; status: Status; version: number } | null = null;
    if (input.replyToId) {
      if (input.direction !== "OUTGOING") throw new AppError("validation", { replyToId: "letters.replyOutgoingOnly" });
      replyTo = await tx.letter.findFirst({
        where: { id: input.replyToId, organizationId: org.id, direction: "INCOMING" },
        select: { id: true, status: true, version: true },
      });
      if (!replyTo || replyTo.status === "CANCELLED")
        throw new AppError("validation", { replyToId: "letters.replyInvalid" });
    }
    const year = registerYear(now);
    const sequence = await nextSequence(tx, org.id, input.direction, year);
    const created = await tx.letter.create({
      data: {
        organizationId: org.id,
        direction: input.direction,
        year,
        sequence,
        number: letterNumber(input.direction, year, sequence),
        registeredAt: now,
        ...letterDetails(input),
        replyToId: replyTo?.id ?? null,
        registeredById: viewer.userId,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Letter",
      entityId: created.id,
      after: {
        number: created.number,
        direction: created.direction,
        organizationId: created.organizationId,
        correspondent: created.correspondent,
        subject: created.subject,
        replyToId: created.replyToId,
      },
    });
    if (replyTo && (OPEN_STATUSES as readonly string[]).includes(replyTo.status)) {
      await tx.letter.update({ where: { id: replyTo.id }, data: { status: "ANSWERED", version: { increment: 1 } } });
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "update",
        entity: "Letter",
        entityId: replyTo.id,
        before: { status: replyTo.status },
        after: { status: "ANSWERED", answeredBy: created.number },
      });
    }
    return { id: created.id, number: created.number };
  });
}

/** A letter of one of the viewer's own organisations, checked against the version the editor saw. */
async function ownLetter(tx: Tx, viewer: Viewer, id: string, version: number) {
  const letter = await tx.letter.findFirst({ where: { id, organization: ownOrganizationWhere(viewer) } });
  if (!letter) throw new AppError("notFound");
  if (letter.version !== version) throw new AppError("stale");
  return letter;
}

/** Optimistic update: another change in between refuses this one as stale. */
async function saveVersion(
  tx: Tx,
  letter: { id: string; version: number },
  data: Prisma.LetterUncheckedUpdateManyInput,
): Promise<void> {
  const changed = await tx.letter.updateMany({
    where: { id: letter.id, version: letter.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (changed.count !== 1) throw new AppError("stale");
}

/** The details a person fills in, when registering and when editing, as they are stored. */
function letterDetails(input: Omit<LetterUpdate, "id" | "version">) {
  return {
    letterDate: input.letterDate ? dateValue(input.letterDate) : null,
    letterNumber: input.letterNumber ?? null,
    correspondent: input.correspondent,
    subject: input.subject,
    note: input.note ?? null,
    executorId: input.executorId ?? null,
    dueDate: input.dueDate ? dateValue(input.dueDate) : null,
  };
}

/** Edits the details of a registered letter (never its number, register or date of registration). */
export async function updateLetter(viewer: Viewer, input: LetterUpdate): Promise<void> {
  authorizeViewer(viewer, "letters.manage");
  await prisma.$transaction(async (tx) => {
    const letter = await ownLetter(tx, viewer, input.id, input.version);
    if (letter.status === "CANCELLED") throw new AppError("conflict", { status: "letters.cancelled" });
    await checkExecutor(tx, letter.organizationId, input.executorId);
    await checkDuplicate(tx, { ...input, organizationId: letter.organizationId, direction: letter.direction });
    const data = letterDetails(input);
    await saveVersion(tx, letter, data);
    const before = Object.fromEntries(Object.keys(data).map((k) => [k, letter[k as keyof typeof data]]));
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Letter",
      entityId: letter.id,
      before,
      after: data,
    });
  });
}

/**
 * Moves a letter to another status by hand. Cancelling needs a reason and keeps the letter (and its
 * number) in the register; a cancelled letter changes no more.
 */
export async function changeStatus(viewer: Viewer, input: LetterStatusChange): Promise<void> {
  authorizeViewer(viewer, "letters.manage");
  if (input.status === "CANCELLED" && (input.reason ?? "").length < 3)
    throw new AppError("validation", { reason: "letters.reasonRequired" });
  await prisma.$transaction(async (tx) => {
    const letter = await ownLetter(tx, viewer, input.id, input.version);
    if (!canMove(letter.status, input.status, letter.direction))
      throw new AppError("conflict", { status: "letters.wrongStatus" });
    await saveVersion(tx, letter, {
      status: input.status,
      ...(input.status === "CANCELLED" ? { cancelReason: input.reason } : {}),
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Letter",
      entityId: letter.id,
      before: { status: letter.status },
      after: { status: input.status, ...(input.reason ? { reason: input.reason } : {}) },
    });
  });
}

/**
 * Attaches (or replaces) the letter's file. The file goes through the file store (lib/files): streamed,
 * limited to 20 MB, its kind (PDF, PNG, JPEG or DOCX) checked from its bytes against its name; its
 * StoredFile row is written with the letter's change in one transaction. A refused file leaves neither a
 * stored file nor a change.
 */
export async function attachFile(
  viewer: Viewer,
  input: { id: string; version: number; name: string; body: ReadableStream<Uint8Array> },
): Promise<{ version: number }> {
  authorizeViewer(viewer, "letters.manage");
  const letter = await prisma.letter.findFirst({
    where: { id: input.id, organization: ownOrganizationWhere(viewer) },
    select: { id: true, version: true, status: true },
  });
  if (!letter) throw new AppError("notFound");
  if (letter.version !== input.version) throw new AppError("stale");
  if (letter.status === "CANCELLED") throw new AppError("conflict", { status: "letters.cancelled" });
  const stored = await storeUpload(input.body, {
    fileName: input.name,
    accept: LETTER_FILE_KINDS,
    maxBytes: MAX_FILE_BYTES,
  });
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await ownLetter(tx, viewer, input.id, input.version);
      await tx.storedFile.upsert({
        where: { sha256: stored.sha256 },
        create: { sha256: stored.sha256, size: stored.size, mimeType: stored.mimeType, kind: stored.kind },
        update: {},
      });
      const data = {
        fileSha256: stored.sha256,
        fileName: stored.fileName,
        fileType: stored.mimeType,
        fileSize: stored.size,
      };
      await saveVersion(tx, current, data);
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "update",
        entity: "Letter",
        entityId: current.id,
        before: { fileSha256: current.fileSha256, fileName: current.fileName },
        after: data,
      });
      return { version: current.version + 1 };
    });
  } catch (error) {
    // bytes stored only for this refused change go again (the same bytes stored before are kept)
    if (stored.created) await blobStore().remove(stored.sha256);
    throw error;
  }
}

// ───────── reading ─────────

const rowSelect = {
  id: true,
  organizationId: true,
  direction: true,
  year: true,
  sequence: true,
  number: true,
  registeredAt: true,
  letterDate: true,
  letterNumber: true,
  correspondent: true,
  subject: true,
  dueDate: true,
  status: true,
  fileName: true,
  version: true,
  executor: { select: { id: true, displayName: true } },
  organization: { select: NAMED },
  replyTo: { select: { id: true, number: true } },
  replies: { select: { id: true, number: true }, orderBy: { sequence: "asc" as const } },
} satisfies Prisma.LetterSelect;

export type LetterRow = Prisma.LetterGetPayload<{ select: typeof rowSelect }> & { overdue: boolean };

function listWhere(viewer: Viewer, query: LetterQuery, now: Date): Prisma.LetterWhereInput {
  const q = query.q;
  return {
    organization: readableWhere(viewer),
    direction: query.direction,
    ...(query.organizationId ? { organizationId: query.organizationId } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.overdue
      ? { status: { in: [...OPEN_STATUSES] }, dueDate: { lt: dateValue(almatyDate(now)) } }
      : query.status
        ? { status: query.status }
        : {}),
    ...(q
      ? {
          OR: [
            { subject: { contains: q, mode: "insensitive" as const } },
            { correspondent: { contains: q, mode: "insensitive" as const } },
            { number: { contains: q, mode: "insensitive" as const } },
            { letterNumber: { contains: q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

function listOrder(query: LetterQuery): Prisma.LetterOrderByWithRelationInput[] {
  const dir = query.dir;
  switch (query.sort) {
    case "registeredAt":
      return [{ registeredAt: dir }, { id: dir }];
    case "dueDate":
      return [{ dueDate: { sort: dir, nulls: "last" } }, { year: "desc" }, { sequence: "desc" }];
    case "correspondent":
      return [{ correspondent: dir }, { year: "desc" }, { sequence: "desc" }];
    default:
      return [{ year: dir }, { organizationId: "asc" }, { sequence: dir }];
  }
}

/** One page of a register (incoming or outgoing) in the viewer's scope, with overdue letters marked. */
export async function listLetters(
  viewer: Viewer,
  query: LetterQuery,
  page: { page: number; pageSize: number },
  now = new Date(),
): Promise<Page<LetterRow>> {
  const where = listWhere(viewer, query, now);
  const [rows, total] = await Promise.all([
    prisma.letter.findMany({ where, orderBy: listOrder(query), select: rowSelect, ...pageWindow(page) }),
    prisma.letter.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, overdue: isOverdue(r, now) })),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

export const EXPORT_LIMIT = 10_000;

/** The rows of a register export (same filters and order as the list, at most 10,000). */
export async function exportLetters(viewer: Viewer, query: LetterQuery, now = new Date()): Promise<LetterRow[]> {
  const rows = await prisma.letter.findMany({
    where: listWhere(viewer, query, now),
    orderBy: listOrder(query),
    select: rowSelect,
    take: EXPORT_LIMIT,
  });
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, now) }));
}

/** One letter in the viewer's scope with its links, and whether the viewer keeps its register. */
export async function letterCard(viewer: Viewer, id: string, now = new Date()) {
  const letter = await prisma.letter.findFirst({
    where: { id, organization: readableWhere(viewer) },
    select: {
      ...rowSelect,
      note: true,
      cancelReason: true,
      fileType: true,
      fileSize: true,
      fileSha256: true,
      registeredBy: { select: { displayName: true } },
    },
  });
  if (!letter) throw new AppError("notFound");
  const manage = viewer.roles.some((r) => roleHas(r.role, "letters.manage"))
    ? Boolean(
        await prisma.organization.findFirst({
          where: { AND: [{ id: letter.organizationId }, ownOrganizationWhere(viewer)] },
          select: { id: true },
        }),
      )
    : false;
  return { letter: { ...letter, overdue: isOverdue(letter, now) }, manage };
}

/** The stored file of a letter in the viewer's scope (for the download route). */
export async function letterFile(
  viewer: Viewer,
  id: string,
): Promise<{ sha256: string; name: string; type: string; size: number | null }> {
  const letter = await prisma.letter.findFirst({
    where: { id, organization: readableWhere(viewer) },
    select: { fileSha256: true, fileName: true, fileType: true, fileSize: true },
  });
  if (!letter?.fileSha256) throw new AppError("notFound");
  return {
    sha256: letter.fileSha256,
    name: letter.fileName ?? "letter",
    type: letter.fileType ?? "application/octet-stream",
    size: letter.fileSize,
  };
}

/** Organisations in the viewer's scope that have letters (for the register filter). */
export async function registerOrganizations(viewer: Viewer) {
  return prisma.organization.findMany({
    where: { AND: [readableWhere(viewer), { letters: { some: {} } }] },
    select: NAMED,
    orderBy: { nameRu: "asc" },
    take: 200,
  });
}
