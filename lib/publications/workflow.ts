/**
 * Publications: authoring, the review workflow and the editors' queue. Every function takes the viewer and
 * checks permission and ownership itself. States: DRAFT → IN_REVIEW → CHANGES_REQUESTED / REJECTED /
 * APPROVED → SCHEDULED / PUBLISHED → UNPUBLISHED. Each submission is kept as a version; an editor's decision
 * is a remark on that version. An author never decides on their own work. Official pages (R21) are
 * published only in Kazakh or as a translation linked to a published Kazakh original.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../audit";
import { authorizeViewer } from "../auth/access";
import { scopeOf, type Viewer } from "../auth/scope";
import { roleHas } from "../auth/permissions";
import { enqueueSearch } from "../search/outbox";
import { plainText, renderMarkdown } from "../markdown";
import {
  DECISION_FROM,
  EDITABLE,
  MAX_BODY,
  isOfficial,
  isPublic,
  type ContentLanguage,
  type Decision,
  type PublicationTypeName,
} from "./constants";
import { lineDiff, type DiffLine } from "./diff";
import { expire, TAGS } from "../cache";
import { releaseScheduled } from "./release";
import { createNotifications } from "../notifications/create";

type Tx = Prisma.TransactionClient;
export const SEARCH_SOURCE = "publication";

export interface DraftInput {
  type: PublicationTypeName;
  language: ContentLanguage;
  title: string;
  summary: string;
  body: string;
  subjectCode: string | null;
  grades: number[];
  keywords: string[];
  translationOfId: string | null;
}

function isReviewer(viewer: Viewer | null): boolean {
  return Boolean(viewer && scopeOf(viewer, "publications.review"));
}

async function checkDraft(tx: Tx, viewer: Viewer, input: DraftInput): Promise<void> {
  if (input.body.length > MAX_BODY) throw new AppError("validation", { body: "validation.tooLong" }, { max: MAX_BODY });
  if (isOfficial(input.type) && !scopeOf(viewer, "publications.official"))
    throw new AppError("forbidden", { type: "publications.officialOnly" });
  if (
    input.subjectCode &&
    !(await tx.classifierItem.count({ where: { code: input.subjectCode, classifier: { code: "SUBJECT" } } }))
  ) {
    throw new AppError("validation", { subjectCode: "validation.invalidOption" });
  }
  if (input.translationOfId) {
    const original = await tx.publication.findUnique({
      where: { id: input.translationOfId },
      select: { language: true, type: true, translationOfId: true },
    });
    if (
      !original ||
      original.language !== "kk" ||
      original.translationOfId ||
      !isOfficial(original.type) ||
      input.language === "kk"
    ) {
      throw new AppError("validation", { translationOfId: "publications.translationUnknown" });
    }
  }
}

/** The author's organisation (from their role) and the code of its region. */
async function authorPlace(
  tx: Tx,
  viewer: Viewer,
): Promise<{ organizationId: string | null; regionCode: string | null }> {
  const organizationId =
    viewer.roles.find((r) => roleHas(r.role, "diary.teach") && r.organizationId)?.organizationId ??
    viewer.roles.find((r) => r.organizationId)?.organizationId ??
    null;
  const path = viewer.roles.find((r) => r.organizationId === organizationId && r.territoryPath)?.territoryPath ?? null;
  const regionId = path?.split("/").filter(Boolean)[1] ?? null;
  const region = regionId ? await tx.territory.findUnique({ where: { id: regionId }, select: { code: true } }) : null;
  return { organizationId, regionCode: region?.code ?? null };
}

/** A new draft of the viewer. */
export async function createDraft(viewer: Viewer | null, input: DraftInput): Promise<{ id: string }> {
  const { viewer: v } = authorizeViewer(viewer, "publications.write");
  return prisma.$transaction(async (tx) => {
    await checkDraft(tx, v, input);
    const place = await authorPlace(tx, v);
    const created = await tx.publication.create({
      data: { ...input, html: renderMarkdown(input.body), authorId: v.userId, ...place },
    });
    await recordAudit(tx, {
      actorId: v.userId,
      action: "create",
      entity: "Publication",
      entityId: created.id,
      after: { type: created.type, title: created.title, language: created.language },
    });
    return { id: created.id };
  });
}

async function ownEditable(tx: Tx, viewer: Viewer, id: string) {
  const row = await tx.publication.findFirst({ where: { id, authorId: viewer.userId } });
  if (!row) throw new AppError("notFound");
  if (!(EDITABLE as readonly string[]).includes(row.status))
    throw new AppError("conflict", { status: "publications.notEditable" });
  return row;
}

/**
 * Saves the author's form over the draft, checked against the `version` the form was opened on (as letters
 * are): a save from a second tab that is behind another save is refused as stale, so no text is lost.
 */
export async function updateDraft(
  viewer: Viewer | null,
  input: DraftInput & { id: string; version: number },
): Promise<{ version: number }> {
  const { viewer: v } = authorizeViewer(viewer, "publications.write");
  const { id, version, ...data } = input;
  return prisma.$transaction(async (tx) => {
    const before = await ownEditable(tx, v, id);
    if (before.version !== version) throw new AppError("stale");
    await checkDraft(tx, v, data);
    const changed = await tx.publication.updateMany({
      where: { id, version },
      data: { ...data, html: renderMarkdown(data.body), version: { increment: 1 } },
    });
    if (changed.count !== 1) throw new AppError("stale");
    await recordAudit(tx, {
      actorId: v.userId,
      action: "update",
      entity: "Publication",
      entityId: id,
      before: { title: before.title, status: before.status },
      after: { title: data.title, version: version + 1 },
    });
    return { version: version + 1 };
  });
}

/** Sends the current text for review as a new version. */
export async function submitForReview(viewer: Viewer | null, id: string): Promise<{ version: number }> {
  const { viewer: v } = authorizeViewer(viewer, "publications.write");
  return prisma.$transaction(async (tx) => {
    const row = await ownEditable(tx, v, id);
    if (!row.title.trim() || !row.body.trim()) throw new AppError("validation", { body: "validation.required" });
    if (isOfficial(row.type) && row.language !== "kk" && !row.translationOfId)
      throw new AppError("conflict", { language: "publications.officialNeedsKazakh" });
    const version = row.revision + 1;
    await tx.publicationVersion.create({
      data: {
        publicationId: id,
        number: version,
        title: row.title,
        summary: row.summary,
        body: row.body,
        metadata: {
          type: row.type,
          language: row.language,
          subjectCode: row.subjectCode,
          grades: row.grades,
          keywords: row.keywords,
        },
      },
    });
    const wasPublic = isPublic(row.status, row.publishedAt);
    await tx.publication.update({
      where: { id },
      data: { status: "IN_REVIEW", revision: version, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: v.userId,
      action: "update",
      entity: "Publication",
      entityId: id,
      before: { status: row.status },
      after: { status: "IN_REVIEW", version },
    });
    if (wasPublic) await enqueueSearch(tx, SEARCH_SOURCE, [id]);
    return { version };
  });
}

/** Deletes a draft that was never submitted (and its attachments' links; stored bytes stay shared). */
export async function deleteDraft(viewer: Viewer | null, id: string): Promise<void> {
  const { viewer: v } = authorizeViewer(viewer, "publications.write");
  await prisma.$transaction(async (tx) => {
    const row = await tx.publication.findFirst({ where: { id, authorId: v.userId, status: "DRAFT", revision: 0 } });
    if (!row) throw new AppError("notFound");
    await tx.publication.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: v.userId,
      action: "delete",
      entity: "Publication",
      entityId: id,
      before: { title: row.title },
    });
  });
}

const FROM: Record<Decision, readonly string[]> = DECISION_FROM;

/** An editor's decision on the submitted version, with remarks (required when asking for changes or rejecting). */
export async function decide(
  viewer: Viewer | null,
  input: { id: string; decision: Decision; remarks: string; publishAt?: Date | null },
  now = new Date(),
): Promise<{ status: string }> {
  const { viewer: v } = authorizeViewer(viewer, "publications.review");
  const remarks = input.remarks.trim();
  const result = await prisma.$transaction(async (tx) => {
    const row = await tx.publication.findUnique({
      where: { id: input.id },
      include: { translationOf: { select: { language: true, status: true, publishedAt: true } } },
    });
    if (!row) throw new AppError("notFound");
    if (row.authorId === v.userId && input.decision !== "unpublish")
      throw new AppError("forbidden", { decision: "publications.ownWork" });
    if (!FROM[input.decision].includes(row.status))
      throw new AppError("conflict", { decision: "publications.wrongStatus" });
    if ((input.decision === "requestChanges" || input.decision === "reject") && !remarks)
      throw new AppError("validation", { remarks: "publications.remarksRequired" });
    let data: Prisma.PublicationUncheckedUpdateInput;
    switch (input.decision) {
      case "approve":
        data = { status: "APPROVED" };
        break;
      case "requestChanges":
        data = { status: "CHANGES_REQUESTED" };
        break;
      case "reject":
        data = { status: "REJECTED" };
        break;
      case "unpublish":
        data = { status: "UNPUBLISHED" };
        break;
      case "publish":
      case "schedule": {
        const at = input.decision === "publish" ? now : input.publishAt;
        if (!at || (input.decision === "schedule" && at <= now))
          throw new AppError("validation", { publishAt: "publications.publishAtPast" });
        if (isOfficial(row.type) && row.language !== "kk") {
          // R21: official information appears only with its Kazakh version published first (or at the same time).
          const original = row.translationOf;
          if (
            !original ||
            original.language !== "kk" ||
            !(original.status === "PUBLISHED" || original.status === "SCHEDULED") ||
            !original.publishedAt ||
            original.publishedAt > at
          ) {
            throw new AppError("conflict", { decision: "publications.officialNeedsKazakh" });
          }
        }
        data = { status: input.decision === "publish" ? "PUBLISHED" : "SCHEDULED", publishedAt: at };
        break;
      }
    }
    const updated = await tx.publication.update({ where: { id: row.id }, data: { ...data, reviewerId: v.userId } });
    await tx.publicationRemark.create({
      data: {
        publicationId: row.id,
        version: row.revision,
        authorId: v.userId,
        decision: input.decision,
        text: remarks,
      },
    });
    await recordAudit(tx, {
      actorId: v.userId,
      action: "update",
      entity: "Publication",
      entityId: row.id,
      before: { status: row.status },
      after: { status: updated.status, decision: input.decision, publishedAt: updated.publishedAt },
    });
    if (input.decision === "publish" || input.decision === "schedule" || input.decision === "unpublish")
      await enqueueSearch(tx, SEARCH_SOURCE, [row.id]);
    // the author learns of the decision (in the portal, and by mail as they chose)
    if (row.authorId !== v.userId)
      await createNotifications(tx, [
        {
          userId: row.authorId,
          kind: "publications_decision",
          payload: { publicationId: row.id, title: row.title, decision: input.decision, remarks },
        },
      ]);
    return { status: updated.status };
  });
  expire(TAGS.publications);
  return result;
}

/** Scheduled publications whose time has come become PUBLISHED (they are already public at read time). */
export async function releaseDue(now = new Date()): Promise<number> {
  const released = await releaseScheduled(now);
  if (released) expire(TAGS.publications);
  return released;
}

// ─────────────── reading for authors and editors ───────────────

export interface RemarkView {
  version: number;
  decision: string;
  text: string;
  reviewer: string;
  at: string;
}

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** A publication as its author or an editor sees it (any state), with remarks, versions and attachments. */
export async function getForWork(viewer: Viewer | null, id: string) {
  if (!viewer) throw new AppError("unauthenticated");
  const reviewer = isReviewer(viewer);
  const row = await prisma.publication.findFirst({
    where: { id, ...(reviewer ? {} : { authorId: viewer.userId }) },
    include: {
      remarks: { orderBy: { createdAt: "desc" } },
      versions: { orderBy: { number: "desc" }, select: { number: true, createdAt: true, title: true } },
      attachments: {
        orderBy: { createdAt: "asc" },
        include: { file: { select: { size: true, mimeType: true, kind: true } } },
      },
      translations: { select: { id: true, language: true, status: true, title: true } },
    },
  });
  if (!row) throw new AppError("notFound");
  const names = await namesOf([row.authorId, ...row.remarks.map((r) => r.authorId)]);
  return {
    ...row,
    authorName: names.get(row.authorId) ?? "",
    mine: row.authorId === viewer.userId,
    editable: row.authorId === viewer.userId && (EDITABLE as readonly string[]).includes(row.status),
    canDecide: reviewer && row.authorId !== viewer.userId,
    remarks: row.remarks.map(
      (r) =>
        ({
          version: r.version,
          decision: r.decision,
          text: r.text,
          reviewer: names.get(r.authorId) ?? "",
          at: r.createdAt.toISOString(),
        }) satisfies RemarkView,
    ),
  };
}

/** The viewer's own publications, newest change first, with the last remark. */
export async function myPublications(viewer: Viewer | null) {
  const { viewer: v } = authorizeViewer(viewer, "publications.write");
  const rows = await prisma.publication.findMany({
    where: { authorId: v.userId },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      type: true,
      status: true,
      language: true,
      revision: true,
      updatedAt: true,
      publishedAt: true,
      views: true,
      downloads: true,
      remarks: { orderBy: { createdAt: "desc" }, take: 1, select: { decision: true, text: true } },
    },
  });
  return rows.map((r) => ({ ...r, lastRemark: r.remarks[0] ?? null }));
}

/** The editors' queue: submissions waiting (default) or any state. */
export async function reviewQueue(viewer: Viewer | null, status: string | null) {
  authorizeViewer(viewer, "publications.review");
  const where: Prisma.PublicationWhereInput = status
    ? { status: status as never }
    : { status: { in: ["IN_REVIEW", "APPROVED"] } };
  const rows = await prisma.publication.findMany({
    where,
    orderBy: { updatedAt: "asc" },
    take: 200,
    select: {
      id: true,
      title: true,
      type: true,
      status: true,
      language: true,
      revision: true,
      authorId: true,
      updatedAt: true,
      publishedAt: true,
    },
  });
  const names = await namesOf(rows.map((r) => r.authorId));
  return rows.map((r) => ({ ...r, author: names.get(r.authorId) ?? "" }));
}

/** Line diff of the body between two submitted versions (editors and the author). */
export async function versionDiff(
  viewer: Viewer | null,
  id: string,
  from: number,
  to: number,
): Promise<{ title: DiffLine[]; body: DiffLine[] }> {
  await getForWork(viewer, id);
  const versions = await prisma.publicationVersion.findMany({
    where: { publicationId: id, number: { in: [from, to] } },
  });
  const a = versions.find((x) => x.number === from);
  const b = versions.find((x) => x.number === to);
  if (!a || !b) throw new AppError("notFound");
  return { title: lineDiff(a.title, b.title), body: lineDiff(a.body, b.body) };
}

/** Plain text of a publication (search documents, feed summaries). */
export function summaryOf(row: { summary: string; body: string }, length = 300): string {
  const text = row.summary.trim() || plainText(row.body);
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
