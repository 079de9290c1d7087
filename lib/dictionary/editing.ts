import "server-only";
/**
 * Lexicographers' workflow. Every change to an entry (create, update, delete) is first a proposal (a
 * DictionaryRevision, PENDING); it is applied only when another lexicographer approves it. Approved and
 * rejected revisions are the entry's history; applied changes are also written to the audit log. The
 * "checked" mark says that a lexicographer has verified the entry as it is now: any approved change
 * clears it unless the reviewer checks it again while approving.
 */
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { normalizeText } from "../text";
import { isPartOfSpeech, isTheme, type RelationKind } from "./constants";
import type { EntryDraft } from "./schemas";
import { latinHeadword, slugify, uniqueSlug } from "./slug";
import { enqueueSearch } from "../search/outbox";

type Tx = Prisma.TransactionClient;

const draftSelect = {
  id: true,
  slug: true,
  lemma: true,
  normalized: true,
  themes: true,
  version: true,
  senses: {
    orderBy: { position: "asc" as const },
    select: {
      partOfSpeech: true,
      gloss: true,
      translations: { orderBy: { position: "asc" as const }, select: { lang: true, text: true } },
      examples: { orderBy: { position: "asc" as const }, select: { kk: true, ru: true, en: true } },
    },
  },
  relationsFrom: { select: { kind: true, to: { select: { slug: true } } } },
};

/** The editable content of an entry, in the shape of a draft. */
export async function entryDraftOf(
  tx: Tx | typeof prisma,
  entryId: string,
): Promise<(EntryDraft & { version: number; slug: string }) | null> {
  const row = await tx.dictionaryEntry.findUnique({ where: { id: entryId }, select: draftSelect });
  if (!row) return null;
  return {
    slug: row.slug,
    version: row.version,
    lemma: row.lemma,
    themes: row.themes.filter(isTheme),
    senses: row.senses.map((s) => ({
      partOfSpeech: isPartOfSpeech(s.partOfSpeech) ? s.partOfSpeech : null,
      gloss: s.gloss,
      ru: s.translations.filter((t) => t.lang === "ru").map((t) => t.text),
      en: s.translations.filter((t) => t.lang === "en").map((t) => t.text),
      examples: s.examples,
    })),
    related: row.relationsFrom.map((r) => ({ slug: r.to.slug, kind: r.kind as RelationKind })),
  };
}

function stripMeta(d: EntryDraft & { version?: number; slug?: string }): EntryDraft {
  return { lemma: d.lemma, themes: d.themes, senses: d.senses, related: d.related };
}

/** A headword already used by another entry (or proposed for a new one) is a duplicate. */
async function checkDraft(tx: Tx, draft: EntryDraft, selfId: string | null, pendingSelf: string | null): Promise<void> {
  const normalized = normalizeText(draft.lemma);
  const clash = await tx.dictionaryEntry.findFirst({
    where: { normalized, homonym: 1, NOT: selfId ? { id: selfId } : undefined },
    select: { id: true },
  });
  if (clash) throw new AppError("validation", { lemma: "duplicate" });
  if (!selfId) {
    const pending = await tx.dictionaryRevision.findMany({
      where: { kind: "CREATE", status: "PENDING", NOT: pendingSelf ? { id: pendingSelf } : undefined },
      select: { lemma: true },
    });
    if (pending.some((p) => normalizeText(p.lemma) === normalized))
      throw new AppError("validation", { lemma: "duplicate" });
  }
  const slugs = [...new Set(draft.related.map((r) => r.slug))];
  if (slugs.length) {
    const found = await tx.dictionaryEntry.findMany({
      where: { slug: { in: slugs } },
      select: { id: true, slug: true },
    });
    if (found.length !== slugs.length || (selfId && found.some((f) => f.id === selfId)))
      throw new AppError("validation", { related: "notFound" });
  }
}

export async function proposeCreate(viewer: Viewer, draft: EntryDraft, comment: string | null) {
  authorizeViewer(viewer, "dictionary.edit");
  return prisma.$transaction(async (tx) => {
    await checkDraft(tx, draft, null, null);
    return tx.dictionaryRevision.create({
      data: {
        kind: "CREATE",
        lemma: draft.lemma,
        data: stripMeta(draft) as unknown as Prisma.InputJsonValue,
        comment,
        authorId: viewer.userId,
      },
    });
  });
}

export async function proposeUpdate(
  viewer: Viewer,
  input: { entryId: string; version: number; draft: EntryDraft; comment: string | null },
) {
  authorizeViewer(viewer, "dictionary.edit");
  return prisma.$transaction(async (tx) => {
    const before = await entryDraftOf(tx, input.entryId);
    if (!before) throw new AppError("notFound");
    if (before.version !== input.version) throw new AppError("stale");
    await checkDraft(tx, input.draft, input.entryId, null);
    return tx.dictionaryRevision.create({
      data: {
        kind: "UPDATE",
        entryId: input.entryId,
        lemma: input.draft.lemma,
        data: stripMeta(input.draft) as unknown as Prisma.InputJsonValue,
        before: stripMeta(before) as unknown as Prisma.InputJsonValue,
        baseVersion: input.version,
        comment: input.comment,
        authorId: viewer.userId,
      },
    });
  });
}

export async function proposeDelete(
  viewer: Viewer,
  input: { entryId: string; version: number; comment: string | null },
) {
  authorizeViewer(viewer, "dictionary.edit");
  return prisma.$transaction(async (tx) => {
    const before = await entryDraftOf(tx, input.entryId);
    if (!before) throw new AppError("notFound");
    if (before.version !== input.version) throw new AppError("stale");
    return tx.dictionaryRevision.create({
      data: {
        kind: "DELETE",
        entryId: input.entryId,
        lemma: before.lemma,
        data: stripMeta(before) as unknown as Prisma.InputJsonValue,
        before: stripMeta(before) as unknown as Prisma.InputJsonValue,
        baseVersion: input.version,
        comment: input.comment,
        authorId: viewer.userId,
      },
    });
  });
}

/** Replaces an entry's content by a draft (senses, translations, examples, outgoing relations). */
async function writeDraft(tx: Tx, entryId: string, draft: EntryDraft): Promise<void> {
  await tx.dictionarySense.deleteMany({ where: { entryId } });
  for (const [position, s] of draft.senses.entries()) {
    await tx.dictionarySense.create({
      data: {
        entryId,
        position,
        partOfSpeech: s.partOfSpeech,
        gloss: s.gloss,
        source: "editor",
        translations: {
          create: (["ru", "en"] as const).flatMap((lang) =>
            dedupe(s[lang]).map((text, i) => ({
              lang,
              text,
              normalized: normalizeText(text),
              position: i,
              source: "editor",
            })),
          ),
        },
        examples: { create: s.examples.map((e, i) => ({ position: i, kk: e.kk, ru: e.ru, en: e.en })) },
      },
    });
  }
  await tx.dictionaryRelation.deleteMany({ where: { fromId: entryId } });
  if (draft.related.length) {
    const targets = await tx.dictionaryEntry.findMany({
      where: { slug: { in: draft.related.map((r) => r.slug) } },
      select: { id: true, slug: true },
    });
    const idOf = new Map(targets.map((t) => [t.slug, t.id]));
    const seen = new Set<string>();
    const data = draft.related
      .map((r) => ({ fromId: entryId, toId: idOf.get(r.slug)!, kind: r.kind }))
      .filter(
        (r) => r.toId && r.toId !== entryId && !seen.has(`${r.toId}|${r.kind}`) && seen.add(`${r.toId}|${r.kind}`),
      );
    if (data.length) await tx.dictionaryRelation.createMany({ data });
  }
}

/** Translations that normalise to the same text are one translation. */
function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = normalizeText(t);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function pendingRevision(tx: Tx, revisionId: string) {
  const revision = await tx.dictionaryRevision.findUnique({ where: { id: revisionId } });
  if (!revision) throw new AppError("notFound");
  if (revision.status !== "PENDING") throw new AppError("conflict");
  return revision;
}

/**
 * Approves a proposal and applies it. The reviewer must be another lexicographer than the author; an
 * update or delete fails as stale when the entry changed after the proposal was made.
 */
export async function approveRevision(
  viewer: Viewer,
  input: { revisionId: string; comment: string | null; markChecked: boolean },
) {
  authorizeViewer(viewer, "dictionary.review");
  return prisma.$transaction(async (tx) => {
    const revision = await pendingRevision(tx, input.revisionId);
    if (revision.authorId === viewer.userId) throw new AppError("forbidden");
    const draft = revision.data as unknown as EntryDraft;
    const now = new Date();
    const checked = input.markChecked
      ? { checked: true, checkedAt: now, checkedById: viewer.userId }
      : { checked: false, checkedAt: null, checkedById: null };
    let entryId = revision.entryId;
    let slug: string | null = null;
    if (revision.kind === "CREATE") {
      await checkDraft(tx, draft, null, revision.id);
      const base = slugify(draft.lemma);
      const taken = new Set(
        (await tx.dictionaryEntry.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
          (e) => e.slug,
        ),
      );
      slug = uniqueSlug(base, (s) => taken.has(s));
      const created = await tx.dictionaryEntry.create({
        data: {
          slug,
          lemma: draft.lemma,
          lemmaLatin: latinHeadword(draft.lemma),
          normalized: normalizeText(draft.lemma),
          themes: draft.themes,
          weight: 50,
          source: "editor",
          ...checked,
        },
      });
      entryId = created.id;
      await writeDraft(tx, created.id, draft);
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "create",
        entity: "DictionaryEntry",
        entityId: created.id,
        after: { ...draft, revisionId: revision.id, authorId: revision.authorId },
      });
    } else {
      if (!entryId) throw new AppError("notFound");
      const current = await tx.dictionaryEntry.findUnique({
        where: { id: entryId },
        select: { version: true, slug: true },
      });
      if (!current) throw new AppError("notFound");
      if (current.version !== revision.baseVersion) throw new AppError("stale");
      slug = current.slug;
      if (revision.kind === "DELETE") {
        await tx.dictionaryEntry.delete({ where: { id: entryId } });
        await recordAudit(tx, {
          actorId: viewer.userId,
          action: "delete",
          entity: "DictionaryEntry",
          entityId: entryId,
          before: { ...(revision.before as object), revisionId: revision.id, authorId: revision.authorId },
        });
      } else {
        await checkDraft(tx, draft, entryId, null);
        const updated = await tx.dictionaryEntry.updateMany({
          where: { id: entryId, version: current.version },
          data: {
            lemma: draft.lemma,
            lemmaLatin: latinHeadword(draft.lemma),
            normalized: normalizeText(draft.lemma),
            themes: draft.themes,
            version: { increment: 1 },
            ...checked,
          },
        });
        if (updated.count === 0) throw new AppError("stale");
        await writeDraft(tx, entryId, draft);
        await recordAudit(tx, {
          actorId: viewer.userId,
          action: "update",
          entity: "DictionaryEntry",
          entityId: entryId,
          before: revision.before as object,
          after: { ...draft, revisionId: revision.id, authorId: revision.authorId },
        });
      }
    }
    if (entryId) await enqueueSearch(tx, "dictionary", [entryId]);
    const approved = await tx.dictionaryRevision.update({
      where: { id: revision.id },
      data: {
        status: "APPROVED",
        reviewerId: viewer.userId,
        reviewedAt: now,
        reviewComment: input.comment,
        entryId: revision.kind === "DELETE" ? null : entryId,
      },
    });
    return {
      revision: approved,
      slug: revision.kind === "DELETE" ? null : slug,
      entryId: revision.kind === "DELETE" ? null : entryId,
    };
  });
}

export async function rejectRevision(viewer: Viewer, input: { revisionId: string; comment: string | null }) {
  authorizeViewer(viewer, "dictionary.review");
  return prisma.$transaction(async (tx) => {
    const revision = await pendingRevision(tx, input.revisionId);
    if (revision.authorId === viewer.userId) throw new AppError("forbidden");
    return tx.dictionaryRevision.update({
      where: { id: revision.id },
      data: { status: "REJECTED", reviewerId: viewer.userId, reviewedAt: new Date(), reviewComment: input.comment },
    });
  });
}

/** The author takes back a proposal that nobody has reviewed yet. */
export async function withdrawRevision(viewer: Viewer, revisionId: string) {
  authorizeViewer(viewer, "dictionary.edit");
  return prisma.$transaction(async (tx) => {
    const revision = await pendingRevision(tx, revisionId);
    if (revision.authorId !== viewer.userId) throw new AppError("forbidden");
    return tx.dictionaryRevision.update({
      where: { id: revision.id },
      data: { status: "WITHDRAWN", reviewedAt: new Date() },
    });
  });
}

/** Sets or clears the "checked" mark of an entry (a reviewing lexicographer; audited). */
export async function setChecked(viewer: Viewer, input: { entryId: string; version: number; checked: boolean }) {
  authorizeViewer(viewer, "dictionary.review");
  return prisma.$transaction(async (tx) => {
    const current = await tx.dictionaryEntry.findUnique({
      where: { id: input.entryId },
      select: { checked: true, version: true, slug: true },
    });
    if (!current) throw new AppError("notFound");
    if (current.version !== input.version) throw new AppError("stale");
    const now = new Date();
    await tx.dictionaryEntry.update({
      where: { id: input.entryId },
      data: input.checked
        ? { checked: true, checkedAt: now, checkedById: viewer.userId }
        : { checked: false, checkedAt: null, checkedById: null },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "DictionaryEntry",
      entityId: input.entryId,
      before: { checked: current.checked },
      after: { checked: input.checked },
    });
    return { slug: current.slug };
  });
}

const revisionListSelect = {
  id: true,
  kind: true,
  status: true,
  lemma: true,
  entryId: true,
  comment: true,
  reviewComment: true,
  createdAt: true,
  reviewedAt: true,
  author: { select: { id: true, login: true, displayName: true } },
  reviewer: { select: { id: true, login: true, displayName: true } },
  entry: { select: { slug: true } },
} satisfies Prisma.DictionaryRevisionSelect;

export type RevisionListItem = Prisma.DictionaryRevisionGetPayload<{ select: typeof revisionListSelect }>;

/** The review queue: pending proposals, those of others first (the viewer can review them). */
export async function reviewQueue(
  viewer: Viewer,
): Promise<{ toReview: RevisionListItem[]; mine: RevisionListItem[]; recent: RevisionListItem[] }> {
  authorizeViewer(viewer, "dictionary.edit");
  const [pending, recent] = await Promise.all([
    prisma.dictionaryRevision.findMany({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: revisionListSelect,
    }),
    prisma.dictionaryRevision.findMany({
      where: { status: { in: ["APPROVED", "REJECTED"] } },
      orderBy: { reviewedAt: "desc" },
      take: 20,
      select: revisionListSelect,
    }),
  ]);
  return {
    toReview: pending.filter((r) => r.author.id !== viewer.userId),
    mine: pending.filter((r) => r.author.id === viewer.userId),
    recent,
  };
}

/** The editable content of an entry as a draft, for the editor page (null when there is no such entry). */
export function entryDraft(entryId: string) {
  return entryDraftOf(prisma, entryId);
}

/** Whether a lexicographer checked the entry, when and who. */
export function entryCheck(entryId: string) {
  return prisma.dictionaryEntry.findUnique({
    where: { id: entryId },
    select: { checked: true, checkedAt: true, checkedBy: { select: { displayName: true } } },
  });
}

/** An entry's history: every proposal about it, newest first. */
export async function entryHistory(entryId: string): Promise<RevisionListItem[]> {
  return prisma.dictionaryRevision.findMany({
    where: { entryId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: revisionListSelect,
  });
}

export async function getRevision(revisionId: string) {
  return prisma.dictionaryRevision.findUnique({
    where: { id: revisionId },
    select: {
      ...revisionListSelect,
      data: true,
      before: true,
      baseVersion: true,
      entry: { select: { slug: true, version: true } },
    },
  });
}

/** Entries for the lexicographers' list: by headword prefix, or the most recently changed. */
export async function editorEntryList(q: string, take = 30) {
  const normalized = normalizeText(q);
  return prisma.dictionaryEntry.findMany({
    where: normalized ? { normalized: { startsWith: normalized } } : undefined,
    orderBy: normalized ? [{ normalized: "asc" }] : [{ updatedAt: "desc" }],
    take,
    select: {
      id: true,
      slug: true,
      lemma: true,
      lemmaLatin: true,
      checked: true,
      source: true,
      updatedAt: true,
      version: true,
    },
  });
}
