import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { loadViewer } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/scope";
import { getEntry } from "./entries";
import {
  approveRevision,
  entryDraftOf,
  entryHistory,
  proposeCreate,
  proposeDelete,
  proposeUpdate,
  rejectRevision,
  reviewQueue,
  setChecked,
  withdrawRevision,
} from "./editing";
import type { EntryDraft } from "./schemas";
import { lookup } from "./search";
import { refusal } from "@/tests/setup/helpers";

let author: Viewer;
let reviewer: Viewer;
let teacher: Viewer;

beforeAll(async () => {
  author = (await loadViewer("u_lexicographer"))!;
  reviewer = (await loadViewer("u_lexicographer2"))!;
  teacher = (await loadViewer("u_teacher"))!;
});

const draft = (overrides: Partial<EntryDraft> = {}): EntryDraft => ({
  lemma: "сөзжұмбақ",
  themes: ["school"],
  senses: [
    {
      partOfSpeech: "n",
      gloss: null,
      ru: ["кроссворд"],
      en: ["crossword"],
      examples: [{ kk: "Сөзжұмбақ шештік.", ru: "Мы разгадали кроссворд.", en: "We solved a crossword." }],
    },
  ],
  related: [{ slug: "söz", kind: "RELATED" }],
  ...overrides,
});

describe("lexicographers' workflow", () => {
  it("adds an entry only after another lexicographer approves it", async () => {
    const revision = await proposeCreate(author, draft(), "a common word");
    expect(revision.status).toBe("PENDING");
    expect(await getEntry({ slug: "sözjūmbaq" })).toBeNull();
    expect((await lookup({ q: "сөзжұмбақ" })).hits.filter((h) => h.match === "exact")).toHaveLength(0);

    const queue = await reviewQueue(reviewer);
    expect(queue.toReview.map((r) => r.id)).toContain(revision.id);
    expect((await reviewQueue(author)).mine.map((r) => r.id)).toContain(revision.id);

    expect(
      (await refusal(approveRevision(author, { revisionId: revision.id, comment: null, markChecked: true }))).code,
    ).toBe("forbidden");
    const approved = await approveRevision(reviewer, { revisionId: revision.id, comment: "ok", markChecked: true });
    expect(approved.slug).toBe("sözjūmbaq");

    const entry = await getEntry({ slug: "sözjūmbaq" });
    expect(entry).toMatchObject({
      lemma: "сөзжұмбақ",
      lemmaLatin: "sözjūmbaq",
      checked: true,
      source: "editor",
      themes: ["school"],
    });
    expect(entry!.senses[0]).toMatchObject({ ru: ["кроссворд"], en: ["crossword"] });
    expect(entry!.related.map((r) => r.slug)).toEqual(["söz"]);
    expect((await lookup({ q: "sözjūmbaq" })).hits[0]?.lemma).toBe("сөзжұмбақ");
    expect((await lookup({ q: "crossword" })).hits[0]?.lemma).toBe("сөзжұмбақ");

    const audit = await prisma.auditLog.findFirst({
      where: { entity: "DictionaryEntry", entityId: approved.entryId!, action: "create" },
    });
    expect(audit?.actorId).toBe(reviewer.userId);
    // A second approval of the same proposal is a conflict.
    expect(
      (await refusal(approveRevision(reviewer, { revisionId: revision.id, comment: null, markChecked: false }))).code,
    ).toBe("conflict");
  });

  it("edits through a reviewed revision, keeps history and clears the check mark unless re-checked", async () => {
    const entryId = (await prisma.dictionaryEntry.findUniqueOrThrow({ where: { slug: "mektep" } })).id;
    const before = (await entryDraftOf(prisma, entryId))!;
    const edited = { ...before, senses: [{ ...before.senses[0]!, ru: ["школа", "училище"] }] };
    const revision = await proposeUpdate(author, {
      entryId,
      version: before.version,
      draft: edited,
      comment: "училище",
    });
    expect((await getEntry({ id: entryId }))!.senses[0]!.ru).toEqual(["школа"]);
    await approveRevision(reviewer, { revisionId: revision.id, comment: null, markChecked: false });
    const after = (await getEntry({ id: entryId }))!;
    expect(after.senses[0]!.ru).toEqual(["школа", "училище"]);
    expect(after.version).toBe(before.version + 1);
    expect(after.checked).toBe(false);
    expect(after.slug).toBe("mektep");
    expect((await lookup({ q: "училище" })).hits.map((h) => h.lemma)).toContain("мектеп");

    const history = await entryHistory(entryId);
    expect(history[0]).toMatchObject({ id: revision.id, status: "APPROVED", kind: "UPDATE" });
    expect(history[0]!.author.login).toBe("lexicographer");
    expect(history[0]!.reviewer?.login).toBe("lexicographer2");

    // The check mark: set by a reviewer, audited; a stale version is refused.
    await setChecked(reviewer, { entryId, version: after.version, checked: true });
    expect((await getEntry({ id: entryId }))!.checked).toBe(true);
    expect((await refusal(setChecked(reviewer, { entryId, version: before.version, checked: false }))).code).toBe(
      "stale",
    );
  });

  it("refuses to apply a proposal made on an older version of the entry", async () => {
    const entryId = (await prisma.dictionaryEntry.findUniqueOrThrow({ where: { slug: "kıtap" } })).id;
    const current = (await entryDraftOf(prisma, entryId))!;
    const a = await proposeUpdate(author, {
      entryId,
      version: current.version,
      draft: { ...current, themes: ["school", "city"] },
      comment: null,
    });
    const b = await proposeUpdate(reviewer, {
      entryId,
      version: current.version,
      draft: { ...current, themes: [] },
      comment: null,
    });
    await approveRevision(reviewer, { revisionId: a.id, comment: null, markChecked: true });
    expect((await refusal(approveRevision(author, { revisionId: b.id, comment: null, markChecked: false }))).code).toBe(
      "stale",
    );
    expect(
      (await refusal(proposeUpdate(author, { entryId, version: current.version, draft: current, comment: null }))).code,
    ).toBe("stale");
  });

  it("rejects, withdraws and deletes", async () => {
    const rejected = await proposeCreate(author, draft({ lemma: "жаңсақсөз", related: [] }), null);
    await rejectRevision(reviewer, { revisionId: rejected.id, comment: "not a word" });
    expect((await prisma.dictionaryRevision.findUniqueOrThrow({ where: { id: rejected.id } })).status).toBe("REJECTED");
    expect(await prisma.dictionaryEntry.count({ where: { normalized: "жаңсақсөз" } })).toBe(0);

    const withdrawn = await proposeCreate(author, draft({ lemma: "тағысөз", related: [] }), null);
    expect((await refusal(withdrawRevision(reviewer, withdrawn.id))).code).toBe("forbidden");
    await withdrawRevision(author, withdrawn.id);
    expect(
      (await refusal(approveRevision(reviewer, { revisionId: withdrawn.id, comment: null, markChecked: false }))).code,
    ).toBe("conflict");

    const target = await prisma.dictionaryEntry.findFirstOrThrow({ where: { normalized: "кішкентай" } });
    const deletion = await proposeDelete(author, { entryId: target.id, version: target.version, comment: "duplicate" });
    await approveRevision(reviewer, { revisionId: deletion.id, comment: null, markChecked: false });
    expect(await prisma.dictionaryEntry.findUnique({ where: { id: target.id } })).toBeNull();
    expect((await prisma.dictionaryRevision.findUniqueOrThrow({ where: { id: deletion.id } })).lemma).toBe(
      target.lemma,
    );
  });

  it("validates headwords and related words, and keeps others out", async () => {
    expect((await refusal(proposeCreate(author, draft({ lemma: "мектеп" }), null))).fieldErrors).toEqual({
      lemma: "duplicate",
    });
    await proposeCreate(author, draft({ lemma: "біреусөз", related: [] }), null);
    expect(
      (await refusal(proposeCreate(reviewer, draft({ lemma: "Біреусөз", related: [] }), null))).fieldErrors,
    ).toEqual({ lemma: "duplicate" });
    expect(
      (
        await refusal(
          proposeCreate(author, draft({ lemma: "жаңасөз", related: [{ slug: "no-such", kind: "SYNONYM" }] }), null),
        )
      ).fieldErrors,
    ).toEqual({ related: "notFound" });
    expect((await refusal(proposeCreate(teacher, draft({ lemma: "мұғалімсөз", related: [] }), null))).code).toBe(
      "forbidden",
    );
  });
});
