import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import { FileSystemBlobStore, useBlobStore } from "@/lib/files/store";
import { makeZip, samplePdf } from "@/tests/fixtures/zip-fixture";
import { publicationIndexer } from "@/lib/search/indexers/publications";
import {
  createDraft,
  decide,
  getForWork,
  myPublications,
  releaseDue,
  reviewQueue,
  submitForReview,
  updateDraft,
  versionDiff,
  type DraftInput,
} from "./workflow";
import { addAttachment, openAttachment, removeAttachment } from "./attachments";
import { addComment, flagComment, listComments, moderateComment, rate } from "./discussion";
import { authorProfile, getPublished, listPublished } from "./public";

let teacher: Viewer, teacher2: Viewer, editor: Viewer, ministry: Viewer, parent: Viewer, moderator: Viewer;
let root: string;
let store: FileSystemBlobStore;

beforeAll(async () => {
  [teacher, teacher2, editor, ministry, parent, moderator] = (await Promise.all(
    ["teacher", "teacher2", "editor", "ministry", "parent", "moderator"].map((l) => viewer(`u_${l}`)),
  )) as [Viewer, Viewer, Viewer, Viewer, Viewer, Viewer];
  root = await mkdtemp(join(tmpdir(), "eiso-pub-"));
  store = new FileSystemBlobStore(join(root, "files"));
  useBlobStore(store);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const lesson = (over: Partial<DraftInput> = {}): DraftInput => ({
  type: "LESSON_PLAN",
  language: "kk",
  title: "Бөлшектерді қосу",
  summary: "5-сыныпқа арналған сабақ жоспары",
  body: "# Мақсаты\n\nБөлшектерді қосуды үйрену.\n\n## Барысы\n\n1. Кіріспе\n2. Жаттығу",
  subjectCode: "MATH",
  grades: [5],
  keywords: ["бөлшек"],
  translationOfId: null,
  ...over,
});

async function published(author: Viewer, over: Partial<DraftInput> = {}): Promise<string> {
  const { id } = await createDraft(author, lesson(over));
  await submitForReview(author, id);
  await decide(editor, { id, decision: "publish", remarks: "" });
  return id;
}

describe("workflow", () => {
  it("draft → review → changes requested → fixed → published, with versions, remarks, audit and search", async () => {
    const { id } = await createDraft(teacher, lesson());
    expect(await getPublished(id, "kk")).toBeNull();
    expect((await submitForReview(teacher, id)).version).toBe(1);
    expect((await reviewQueue(editor, null)).map((r) => r.id)).toContain(id);
    expect((await refusal(decide(editor, { id, decision: "requestChanges", remarks: "  " }))).fieldErrors.remarks).toBe(
      "publications.remarksRequired",
    );
    await decide(editor, { id, decision: "requestChanges", remarks: "Бағалау критерийлерін қосыңыз" });
    const work = await getForWork(teacher, id);
    expect(work.status).toBe("CHANGES_REQUESTED");
    expect(work.remarks[0]).toMatchObject({
      decision: "requestChanges",
      text: "Бағалау критерийлерін қосыңыз",
      version: 1,
    });
    expect((await myPublications(teacher)).find((p) => p.id === id)?.lastRemark?.text).toBe(
      "Бағалау критерийлерін қосыңыз",
    );
    // created at version 1, submitted → 2
    await updateDraft(teacher, {
      id,
      version: 2,
      ...lesson({ body: `${lesson().body}\n\n## Бағалау\n\nКритерийлер` }),
    });
    expect((await submitForReview(teacher, id)).version).toBe(2);
    const diff = await versionDiff(editor, id, 1, 2);
    expect(diff.body.filter((l) => l.op === "add").map((l) => l.text)).toContain("## Бағалау");
    expect(diff.body.filter((l) => l.op === "del")).toHaveLength(0);
    expect((await decide(editor, { id, decision: "publish", remarks: "" })).status).toBe("PUBLISHED");
    const page = await getPublished(id, "kk");
    expect(page?.html).toContain("<h2>Мақсаты</h2>");
    expect(
      (await listPublished({ sort: "new", page: 1, subject: "MATH", grade: 5 }, "kk")).items.map((i) => i.id),
    ).toContain(id);
    expect(
      (await listPublished({ sort: "new", page: 1, subject: "PHYSICS" }, "kk")).items.map((i) => i.id),
    ).not.toContain(id);
    expect(await prisma.auditLog.count({ where: { entity: "Publication", entityId: id } })).toBeGreaterThanOrEqual(5);
    expect(await prisma.searchOutbox.count({ where: { source: "publication", sourceId: id } })).toBeGreaterThan(0);
    expect((await publicationIndexer.load([id]))[0]).toMatchObject({
      type: "publication",
      language: "kk",
      url: `/publications/${id}`,
    });
    // unpublishing removes it from readers and from the index
    await decide(editor, { id, decision: "unpublish", remarks: "" });
    expect(await getPublished(id, "kk")).toBeNull();
    expect(await publicationIndexer.load([id])).toEqual([]);
  });

  it("a stale save of a draft from a second tab is refused and the first tab's text is kept", async () => {
    const { id } = await createDraft(teacher, lesson());
    const opened = (await getForWork(teacher, id)).version;
    // two tabs opened the draft at the same version; the first saves, the second is behind it
    expect(await updateDraft(teacher, { id, version: opened, ...lesson({ body: "Бірінші бет" }) })).toEqual({
      version: opened + 1,
    });
    expect((await refusal(updateDraft(teacher, { id, version: opened, ...lesson({ body: "Екінші бет" }) }))).code).toBe(
      "stale",
    );
    const row = await prisma.publication.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ body: "Бірінші бет", version: opened + 1, revision: 0 });
    // the reloaded form saves; submitting for review moves the version on as well
    await updateDraft(teacher, { id, version: opened + 1, ...lesson({ body: "Үшінші бет" }) });
    await submitForReview(teacher, id);
    expect(await prisma.publication.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: opened + 3,
      revision: 1,
    });
  });

  it("an author cannot decide on their own work, and others cannot touch someone's draft", async () => {
    const { id } = await createDraft(editor, lesson({ title: "Редактордың өз мақаласы" }));
    await submitForReview(editor, id);
    expect((await refusal(decide(editor, { id, decision: "approve", remarks: "" }))).fieldErrors.decision).toBe(
      "publications.ownWork",
    );
    expect((await refusal(decide(editor, { id, decision: "publish", remarks: "" }))).fieldErrors.decision).toBe(
      "publications.ownWork",
    );
    expect((await refusal(decide(teacher, { id, decision: "publish", remarks: "" }))).code).toBe("forbidden");
    expect((await decide(ministry, { id, decision: "approve", remarks: "" })).status).toBe("APPROVED");
    const other = await createDraft(teacher, lesson());
    expect((await refusal(updateDraft(teacher2, { id: other.id, version: 1, ...lesson() }))).code).toBe("notFound");
    expect((await refusal(getForWork(teacher2, other.id))).code).toBe("notFound");
    expect((await refusal(createDraft(parent, lesson()))).code).toBe("forbidden");
    expect((await refusal(createDraft(null, lesson()))).code).toBe("unauthenticated");
  });

  it("a teacher may not write official pages; a published one cannot be edited without resubmitting", async () => {
    expect((await refusal(createDraft(teacher, lesson({ type: "NEWS" })))).fieldErrors.type).toBe(
      "publications.officialOnly",
    );
    const id = await published(teacher, { title: "Жарияланған" });
    expect((await refusal(updateDraft(teacher, { id, version: 1, ...lesson() }))).fieldErrors.status).toBe(
      "publications.notEditable",
    );
    expect((await refusal(decide(editor, { id, decision: "approve", remarks: "" }))).fieldErrors.decision).toBe(
      "publications.wrongStatus",
    );
  });

  it("Markdown with scripts is rendered harmless", async () => {
    const { id } = await createDraft(
      teacher,
      lesson({ body: "Сәлем <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>" }),
    );
    const row = await prisma.publication.findUniqueOrThrow({ where: { id } });
    expect(row.html).not.toMatch(/<script|href="javascript:|<img/i);
    expect(row.html).toContain("&lt;img");
    expect(row.html).toContain("&lt;script&gt;");
  });

  it("a scheduled publication is public only from its moment, then released", async () => {
    const { id } = await createDraft(teacher, lesson({ title: "Жоспарланған" }));
    await submitForReview(teacher, id);
    expect(
      (
        await refusal(
          decide(editor, { id, decision: "schedule", remarks: "", publishAt: new Date(Date.now() - 60_000) }),
        )
      ).fieldErrors.publishAt,
    ).toBe("publications.publishAtPast");
    const at = new Date(Date.now() + 3_600_000);
    expect((await decide(editor, { id, decision: "schedule", remarks: "", publishAt: at })).status).toBe("SCHEDULED");
    expect(await getPublished(id, "kk")).toBeNull();
    expect(await getPublished(id, "kk", new Date(at.getTime() + 1000))).not.toBeNull();
    expect(await releaseDue(new Date(at.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect((await prisma.publication.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");
  });
});

describe("official pages in the state language (R21)", () => {
  it("a Russian page without a Kazakh original is refused; a translation is shown on /ru, Kazakh with a note elsewhere", async () => {
    const lone = await createDraft(
      editor,
      lesson({ type: "NEWS", language: "ru", title: "Новость без казахской версии", subjectCode: null, grades: [] }),
    );
    expect((await refusal(submitForReview(editor, lone.id))).fieldErrors.language).toBe(
      "publications.officialNeedsKazakh",
    );

    const kk = await createDraft(
      editor,
      lesson({ type: "NEWS", title: "Жаңа оқу жылы", body: "Қазақша мәтін", subjectCode: null, grades: [] }),
    );
    await submitForReview(editor, kk.id);
    const ru = await createDraft(
      editor,
      lesson({
        type: "NEWS",
        language: "ru",
        title: "Новый учебный год",
        body: "Русский текст",
        subjectCode: null,
        grades: [],
        translationOfId: kk.id,
      }),
    );
    await submitForReview(editor, ru.id);
    // the translation cannot go out before its Kazakh original
    expect(
      (await refusal(decide(ministry, { id: ru.id, decision: "publish", remarks: "" }))).fieldErrors.decision,
    ).toBe("publications.officialNeedsKazakh");
    await decide(ministry, { id: kk.id, decision: "publish", remarks: "" });
    await decide(ministry, { id: ru.id, decision: "publish", remarks: "" });
    const onRu = await getPublished(kk.id, "ru");
    expect(onRu).toMatchObject({ title: "Новый учебный год", language: "ru", fallback: false });
    const onEn = await getPublished(kk.id, "en");
    expect(onEn).toMatchObject({ title: "Жаңа оқу жылы", language: "kk", fallback: true });
    const news = await listPublished({ sort: "new", page: 1, section: "official" }, "ru");
    expect(news.items.find((i) => i.id === kk.id)?.title).toBe("Новый учебный год");
    expect(news.items.map((i) => i.id)).not.toContain(ru.id);
    // a translation may only point at a Kazakh official original
    expect(
      (await refusal(createDraft(editor, lesson({ type: "NEWS", language: "en", translationOfId: ru.id })))).fieldErrors
        .translationOfId,
    ).toBe("publications.translationUnknown");
  });
});

describe("attachments", () => {
  it("stores a PDF, serves it publicly once published and counts downloads; unpublished only to author and editors", async () => {
    const { id } = await createDraft(teacher, lesson({ title: "Тіркемесі бар" }));
    const { attachmentId, sha256 } = await addAttachment(
      teacher,
      { id, fileName: "plan.pdf" },
      Readable.from([samplePdf("att")]),
    );
    expect((await refusal(openAttachment(null, attachmentId))).code).toBe("notFound");
    expect((await refusal(openAttachment(teacher2, attachmentId))).code).toBe("notFound");
    expect((await openAttachment(teacher, attachmentId)).public).toBe(false);
    expect((await openAttachment(editor, attachmentId)).public).toBe(false);
    await submitForReview(teacher, id);
    await decide(editor, { id, decision: "publish", remarks: "" });
    const download = await openAttachment(null, attachmentId);
    expect(download).toMatchObject({ public: true, mimeType: "application/pdf", fileName: "plan.pdf", sha256 });
    download.stream.destroy();
    expect((await prisma.publication.findUniqueOrThrow({ where: { id } })).downloads).toBe(1);
    expect((await getPublished(id, "kk"))?.attachments.map((a) => a.fileName)).toEqual(["plan.pdf"]);
  });

  it("refuses a file whose content is not its claimed type, and another person's publication, storing nothing", async () => {
    const { id } = await createDraft(teacher, lesson());
    const files = await prisma.storedFile.count();
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(1000)]);
    expect(
      (await refusal(addAttachment(teacher, { id, fileName: "plan.pdf" }, Readable.from([exe])))).fieldErrors.file,
    ).toBe("files.contentMismatch");
    expect(
      (await refusal(addAttachment(teacher2, { id, fileName: "plan.pdf" }, Readable.from([samplePdf()])))).code,
    ).toBe("notFound");
    // a cover must be an image
    expect(
      (await refusal(addAttachment(teacher, { id, fileName: "plan.pdf", cover: true }, Readable.from([samplePdf()]))))
        .fieldErrors.file,
    ).toBe("files.typeNotAllowed");
    expect(await prisma.storedFile.count()).toBe(files);
    expect(await prisma.publicationAttachment.count({ where: { publicationId: id } })).toBe(0);
    expect(await store.temporaryFiles()).toEqual([]);
  });

  it("a DOCX attachment removed from a draft takes its stored bytes with it", async () => {
    const { id } = await createDraft(teacher, lesson());
    const docx = makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": `<w>${id}</w>` });
    const { attachmentId, sha256 } = await addAttachment(
      teacher,
      { id, fileName: "guide.docx" },
      Readable.from([docx]),
    );
    expect((await prisma.storedFile.findUniqueOrThrow({ where: { sha256 } })).kind).toBe("docx");
    await removeAttachment(teacher, attachmentId);
    expect(await prisma.storedFile.count({ where: { sha256 } })).toBe(0);
    expect(await store.read(sha256)).toBeNull();
  });

  it("keeps bytes a letter's file shares with a removed attachment (one store for both)", async () => {
    const { id } = await createDraft(teacher, lesson());
    const { attachmentId, sha256 } = await addAttachment(
      teacher,
      { id, fileName: "order.pdf" },
      Readable.from([samplePdf(`shared-${id}`)]),
    );
    const org = await prisma.organization.findFirstOrThrow({ select: { id: true } });
    await prisma.letter.create({
      data: {
        organizationId: org.id,
        direction: "INCOMING",
        year: 2026,
        sequence: 9999,
        number: `Кіріс-2026/${id}`,
        correspondent: "c",
        subject: "s",
        registeredById: teacher.userId,
        fileSha256: sha256,
        fileName: "order.pdf",
      },
    });
    await removeAttachment(teacher, attachmentId);
    expect(await prisma.storedFile.count({ where: { sha256 } })).toBe(1);
    expect(await store.read(sha256)).not.toBeNull();
  });
});

describe("discussion", () => {
  it("ratings: one per person, changeable, 1–5, not by the author", async () => {
    const id = await published(teacher, { title: "Бағаланатын" });
    expect(await rate(parent, { id, value: 4 })).toEqual({ rating: 4, count: 1 });
    expect(await rate(parent, { id, value: 2 })).toEqual({ rating: 2, count: 1 });
    expect(await rate(teacher2, { id, value: 5 })).toEqual({ rating: 3.5, count: 2 });
    expect((await refusal(rate(parent, { id, value: 6 }))).fieldErrors.value).toBe("publications.ratingRange");
    expect((await refusal(rate(teacher, { id, value: 5 }))).fieldErrors.value).toBe("publications.ownRating");
    expect((await refusal(rate(null, { id, value: 5 }))).code).toBe("unauthenticated");
    const sorted = await listPublished({ sort: "rated", page: 1 }, "kk");
    expect(sorted.items.findIndex((i) => i.id === id)).toBeGreaterThanOrEqual(0);
  });

  it("comments only under published work, sanitised, moderated with the forums' rules", async () => {
    const id = await published(teacher, { title: "Талқыланатын" });
    const { id: draft } = await createDraft(teacher, lesson());
    expect((await refusal(addComment(parent, { id: draft, body: "Сұрақ" }))).fieldErrors.body).toBe(
      "publications.notPublished",
    );
    expect((await refusal(addComment(null, { id, body: "Сұрақ" }))).code).toBe("unauthenticated");
    const c = await addComment(parent, { id, body: "Рақмет! <script>alert(1)</script>" });
    expect(c.status).toBe("VISIBLE");
    const comments = await listComments(null, id);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.html).not.toContain("<script");
    // a comment with an IIN waits for a moderator
    expect((await addComment(teacher2, { id, body: "Менің ЖСН: 811201401188" })).status).toBe("HELD");
    // ... written in groups too, and so does one with a mobile number
    expect((await addComment(teacher2, { id, body: "ЖСН 8112.0140.1188" })).status).toBe("HELD");
    expect((await addComment(teacher2, { id, body: "Қоңырау шалыңыз +7 (777) 123 45 67" })).status).toBe("HELD");
    expect(await listComments(null, id)).toHaveLength(1);
    // a silenced person may not comment
    await prisma.forumUserState.upsert({
      where: { userId: teacher2.userId },
      create: { userId: teacher2.userId, silencedUntil: new Date(Date.now() + 86_400_000), reason: "spam" },
      update: { silencedUntil: new Date(Date.now() + 86_400_000), reason: "spam" },
    });
    expect((await refusal(addComment(teacher2, { id, body: "Тағы" }))).fieldErrors.body).toBe("forums.silenced");
    // moderators hide; readers no longer see it
    expect((await refusal(moderateComment(parent, { commentId: c.id, decision: "hide" }))).code).toBe("forbidden");
    await moderateComment(moderator, { commentId: c.id, decision: "hide" });
    expect(await listComments(null, id)).toHaveLength(0);
    expect((await prisma.publication.findUniqueOrThrow({ where: { id } })).commentCount).toBe(0);
  });

  it("readers flag comments with the forums' rules: once each, not their own, three trusted flags hide it", async () => {
    const [teacher3, parent2] = (await Promise.all([viewer("u_teacher3"), viewer("u_parent2")])) as [Viewer, Viewer];
    const id = await published(teacher, { title: "Шағымдалатын" });
    const c = await addComment(parent, { id, body: "Арзан сабақтар! Хабарласыңыз." });
    expect((await refusal(flagComment(null, c.id, "spam"))).code).toBe("unauthenticated");
    expect((await refusal(flagComment(parent, c.id, "spam"))).fieldErrors.reason).toBe("publications.ownComment");
    expect((await refusal(flagComment(teacher, c.id, "nonsense"))).fieldErrors.reason).toBe("validation.invalidOption");
    // an untrusted reader's flag is recorded but does not count
    expect(await flagComment(parent2, c.id, "spam")).toEqual({ hidden: false });
    expect(
      (await prisma.publicationCommentFlag.findFirstOrThrow({ where: { commentId: c.id, userId: parent2.userId } }))
        .trusted,
    ).toBe(false);
    expect(await flagComment(teacher, c.id, "spam")).toEqual({ hidden: false });
    expect((await refusal(flagComment(teacher, c.id, "offensive"))).fieldErrors.reason).toBe(
      "publications.alreadyFlagged",
    );
    expect(await prisma.publicationCommentFlag.count({ where: { commentId: c.id } })).toBe(2);
    expect(await flagComment(teacher2, c.id, "offTopic")).toEqual({ hidden: false });
    expect(await listComments(null, id)).toHaveLength(1);
    expect(await flagComment(teacher3, c.id, "spam")).toEqual({ hidden: true });
    // hidden until a moderator decides; listed for moderators with the reason "flags", audited
    expect(await listComments(null, id)).toHaveLength(0);
    expect((await prisma.publication.findUniqueOrThrow({ where: { id } })).commentCount).toBe(0);
    const seen = (await listComments(editor, id)).find((x) => x.id === c.id);
    expect(seen).toMatchObject({ status: "HIDDEN", statusReason: "flags" });
    expect(await prisma.auditLog.count({ where: { entity: "PublicationComment", entityId: c.id } })).toBe(1);
    expect((await refusal(flagComment(ministry, c.id, "spam"))).code).toBe("notFound");
    await moderateComment(moderator, { commentId: c.id, decision: "restore" });
    expect(await listComments(null, id)).toHaveLength(1);
    expect(await prisma.publicationCommentFlag.count({ where: { commentId: c.id, resolvedAt: null } })).toBe(0);
    // nothing to flag under an unpublished publication
    const { id: draft } = await createDraft(teacher, lesson({ title: "Жоба" }));
    const hiddenDraftComment = await prisma.publicationComment.create({
      data: { publicationId: draft, authorId: parent.userId, body: "x", html: "<p>x</p>" },
    });
    expect((await refusal(flagComment(teacher2, hiddenDraftComment.id, "spam"))).code).toBe("notFound");
  });

  it("an author's profile sums their public work", async () => {
    const profile = await authorProfile(teacher.userId, "kk");
    expect(profile?.publications.length).toBeGreaterThan(0);
    expect(profile?.organizations.length).toBe(1);
    expect(await authorProfile(parent.userId, "kk")).toBeNull();
  });
});
