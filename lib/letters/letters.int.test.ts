import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, prisma } from "@/lib/db";
import { exportArchive, restoreFiles, verifyArchive } from "@/lib/archive/archive";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import {
  attachFile,
  changeStatus,
  executorsOf,
  exportLetters,
  letterCard,
  letterFile,
  listLetters,
  registerLetter,
  updateLetter,
} from "./letters";
import { letterQueryOf } from "./schemas";
import { FileSystemBlobStore, useBlobStore } from "@/lib/files/store";

const NOW = new Date("2026-11-23T10:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "eiso-letters-"));
let original: string;
const store = new FileSystemBlobStore(join(dir, "files"));

let school: Viewer;
let district: Viewer;
let teacher: Viewer;
let schoolId = "";
let departmentId = "";
let otherSchoolId = "";
let otherAdmin: Viewer;

const incoming = (extra: Record<string, unknown> = {}) => ({
  organizationId: schoolId,
  direction: "INCOMING" as const,
  correspondent: "Көкшетау қалалық білім бөлімі",
  subject: "Оқу жылының басталуы туралы",
  ...extra,
});

function body(bytes: Uint8Array | string): ReadableStream<Uint8Array> {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return new Blob([data as BlobPart]).stream();
}

/** Every file under the data directory (stored and temporary). */
function allFiles(root = dir): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** The last registration number taken in a register (0 before its first letter). */
async function lastSequence(organizationId: string, direction: "INCOMING" | "OUTGOING", year: number) {
  const counter = await prisma.letterCounter.findUnique({
    where: { organizationId_direction_year: { organizationId, direction, year } },
  });
  return counter?.last ?? 0;
}

/** The registration number that follows `number` in its register. */
const following = (number: string) => number.replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, "0"));

/** A registration number: `registered("Кіріс", 2026, 3)` is "Кіріс-2026/0003". */
const registered = (prefix: string, year: number, sequence: number) =>
  `${prefix}-${year}/${String(sequence).padStart(4, "0")}`;

/** An incoming letter with a stored PDF. */
async function letterWithFile(subject: string) {
  const letter = await registerLetter(school, incoming({ subject }), NOW);
  await attachFile(school, { id: letter.id, version: 1, name: "хат.pdf", body: body("%PDF-1.4\n%%EOF\n") });
  return letter;
}

async function counts() {
  const [letters, audit] = await Promise.all([
    prisma.letter.count(),
    prisma.auditLog.count({ where: { entity: "Letter" } }),
  ]);
  return { letters, audit };
}

beforeAll(async () => {
  original = env().DATA_DIR;
  env().DATA_DIR = dir;
  useBlobStore(store);
  school = await viewer("u_school");
  district = await viewer("u_district");
  teacher = await viewer("u_teacher");
  schoolId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  const districtRole = district.roles.find((r) => r.role === "DISTRICT_ADMIN")!;
  departmentId = (
    await prisma.organization.findFirstOrThrow({
      where: { territoryId: districtRole.territoryId!, kind: { code: "EDU_DEPT_DISTRICT" } },
    })
  ).id;
  const territoryId = (await prisma.organization.findUniqueOrThrow({ where: { id: schoolId } })).territoryId;
  otherSchoolId = (
    await prisma.organization.findFirstOrThrow({
      where: {
        kind: { code: "SCHOOL" },
        territory: { path: { not: { startsWith: districtRole.territoryPath! } } },
        NOT: { territoryId },
      },
    })
  ).id;
  await prisma.user.create({
    data: {
      id: "u_letters_other",
      login: "letters-other",
      passwordHash: "x",
      displayName: "Other school admin",
      roles: { create: { role: "ORG_ADMIN", organizationId: otherSchoolId } },
    },
  });
  otherAdmin = await viewer("u_letters_other");
});

afterAll(() => {
  env().DATA_DIR = original;
  rmSync(dir, { recursive: true, force: true });
});

describe("registration numbers", () => {
  it("run per organisation, direction and year from 0001", async () => {
    // registers of 2026 may already hold letters of other tests; 2027's is used by this test only
    const [incoming2026, outgoing2026, department2026] = await Promise.all([
      lastSequence(schoolId, "INCOMING", 2026),
      lastSequence(schoolId, "OUTGOING", 2026),
      lastSequence(departmentId, "INCOMING", 2026),
    ]);
    const a = await registerLetter(school, incoming(), NOW);
    const b = await registerLetter(school, incoming({ subject: "Екінші хат" }), NOW);
    const out = await registerLetter(
      school,
      { ...incoming(), direction: "OUTGOING", correspondent: "Ақмола облысы білім басқармасы" },
      NOW,
    );
    const dept = await registerLetter(district, incoming({ organizationId: departmentId }), NOW);
    const nextYear = await registerLetter(school, incoming({ subject: "Жаңа жыл" }), new Date("2026-12-31T20:00:00Z"));
    expect([a.number, b.number, out.number, dept.number, nextYear.number]).toEqual([
      registered("Кіріс", 2026, incoming2026 + 1),
      registered("Кіріс", 2026, incoming2026 + 2),
      registered("Шығыс", 2026, outgoing2026 + 1),
      registered("Кіріс", 2026, department2026 + 1),
      "Кіріс-2027/0001",
    ]);
  });

  it("never collide or skip when registrations run concurrently", async () => {
    const last = await lastSequence(schoolId, "OUTGOING", 2026);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        registerLetter(school, { ...incoming({ subject: `Параллель ${i}` }), direction: "OUTGOING" }, NOW),
      ),
    );
    const numbers = results.map((r) => (r.status === "fulfilled" ? r.value.number : `failed: ${String(r.reason)}`));
    expect(numbers.filter((n) => n.startsWith("failed"))).toEqual([]);
    const sequences = (
      await prisma.letter.findMany({
        where: { organizationId: schoolId, direction: "OUTGOING", year: 2026 },
        select: { sequence: true },
        orderBy: { sequence: "asc" },
      })
    ).map((l) => l.sequence);
    expect(sequences).toEqual(Array.from({ length: last + 12 }, (_, i) => i + 1));
    const counter = await prisma.letterCounter.findUniqueOrThrow({
      where: { organizationId_direction_year: { organizationId: schoolId, direction: "OUTGOING", year: 2026 } },
    });
    expect(counter.last).toBe(last + 12);
  });

  it("gives a refused registration's number to the next one (no gap)", async () => {
    const last = await lastSequence(schoolId, "INCOMING", 2026);
    const before = await counts();
    const refused = await refusal(registerLetter(school, incoming({ executorId: "u_ministry" }), NOW));
    expect(refused.fieldErrors.executorId).toBe("letters.executorInvalid");
    expect(await counts()).toEqual(before);
    expect((await registerLetter(school, incoming({ subject: "Үшінші" }), NOW)).number).toBe(
      registered("Кіріс", 2026, last + 1),
    );
  });

  it("offers and accepts only the organisation's staff as executors, never pupils or parents", async () => {
    const pupilAndParent = await prisma.user.findMany({
      where: { roles: { some: { organizationId: schoolId, role: { in: ["STUDENT", "PARENT"] } } } },
      select: { id: true },
    });
    expect(pupilAndParent.length).toBeGreaterThan(0);
    const offered = (await executorsOf(school, schoolId)).map((u) => u.id);
    expect(offered).toContain("u_teacher");
    for (const { id } of pupilAndParent) {
      expect(offered).not.toContain(id);
      const refused = await refusal(registerLetter(school, incoming({ executorId: id }), NOW));
      expect(refused.fieldErrors.executorId).toBe("letters.executorInvalid");
    }
  });

  it("keeps a cancelled letter and its number in the register", async () => {
    const letter = await registerLetter(school, incoming({ subject: "Қате тіркелген" }), NOW);
    const short = await refusal(changeStatus(school, { id: letter.id, version: 1, status: "CANCELLED", reason: "" }));
    expect(short.fieldErrors.reason).toBe("letters.reasonRequired");
    await changeStatus(school, { id: letter.id, version: 1, status: "CANCELLED", reason: "Қате тіркелген" });
    const { letter: card } = await letterCard(school, letter.id);
    expect(card).toMatchObject({ number: letter.number, status: "CANCELLED", cancelReason: "Қате тіркелген" });
    expect((await registerLetter(school, incoming({ subject: "Келесі" }), NOW)).number).toBe(following(letter.number));
    // a cancelled letter changes no more
    expect(
      (await refusal(changeStatus(school, { id: letter.id, version: 2, status: "IN_PROGRESS" }))).fieldErrors.status,
    ).toBe("letters.wrongStatus");
  });
});

describe("refusals", () => {
  it("refuses another organisation's register, and readers only read", async () => {
    await registerLetter(school, incoming({ subject: "Оқуға ғана" }), NOW);
    const before = await counts();
    const outside = await refusal(registerLetter(school, incoming({ organizationId: otherSchoolId }), NOW));
    expect(outside.code).toBe("outOfScope");
    // the district reads the school's register but does not keep it
    expect((await refusal(registerLetter(district, incoming(), NOW))).code).toBe("outOfScope");
    expect((await refusal(registerLetter(teacher, incoming(), NOW))).code).toBe("forbidden");
    expect(await counts()).toEqual(before);
    const list = await listLetters(
      district,
      letterQueryOf({ organizationId: schoolId }),
      { page: 1, pageSize: 50 },
      NOW,
    );
    expect(list.total).toBeGreaterThan(0);
    const some = list.rows[0]!;
    expect((await letterCard(district, some.id)).manage).toBe(false);
    expect((await refusal(changeStatus(district, { id: some.id, version: some.version, status: "CLOSED" }))).code).toBe(
      "notFound",
    );
    // another school's admin sees nothing of it
    expect((await refusal(letterCard(otherAdmin, some.id))).code).toBe("notFound");
    expect(
      (await listLetters(otherAdmin, letterQueryOf({ organizationId: schoolId }), { page: 1, pageSize: 10 }, NOW))
        .total,
    ).toBe(0);
    expect((await refusal(listLetters(teacher, letterQueryOf({}), { page: 1, pageSize: 10 }, NOW))).code).toBe(
      "forbidden",
    );
  });

  it("refuses the same correspondent's number registered twice", async () => {
    await registerLetter(school, incoming({ letterNumber: "01-15/2231", letterDate: "2026-11-20" }), NOW);
    const before = await counts();
    const counter = await prisma.letterCounter.findUniqueOrThrow({
      where: { organizationId_direction_year: { organizationId: schoolId, direction: "INCOMING", year: 2026 } },
    });
    const dup = await refusal(
      registerLetter(
        school,
        incoming({
          letterNumber: "01-15/2231",
          letterDate: "2026-11-20",
          correspondent: "КӨКШЕТАУ ҚАЛАЛЫҚ БІЛІМ БӨЛІМІ",
        }),
        NOW,
      ),
    );
    expect(dup.code).toBe("duplicate");
    expect(dup.fieldErrors.letterNumber).toBe("letters.duplicateNumber");
    expect(String(dup.params.number)).toMatch(/^Кіріс-2026\/\d{4}$/);
    expect(await counts()).toEqual(before);
    // the counter did not move either
    expect(
      (
        await prisma.letterCounter.findUniqueOrThrow({
          where: { organizationId_direction_year: { organizationId: schoolId, direction: "INCOMING", year: 2026 } },
        })
      ).last,
    ).toBe(counter.last);
  });

  it("refuses a registration number taken twice at the database level", async () => {
    const { id } = await registerLetter(school, incoming({ subject: "Екі рет алынған нөмір" }), NOW);
    const taken = await prisma.letter.findUniqueOrThrow({ where: { id } });
    await expect(
      prisma.letter.create({
        data: {
          organizationId: schoolId,
          direction: "INCOMING",
          year: taken.year,
          sequence: taken.sequence,
          number: taken.number,
          correspondent: "x",
          subject: "x",
          registeredById: "u_school",
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses a stale edit", async () => {
    const letter = await registerLetter(school, incoming({ subject: "Өңдеу" }), NOW);
    await updateLetter(school, {
      id: letter.id,
      version: 1,
      correspondent: "Білім басқармасы",
      subject: "Өңделген",
      dueDate: "2026-12-01",
    });
    const before = await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } });
    const stale = await refusal(
      updateLetter(school, { id: letter.id, version: 1, correspondent: "Басқа", subject: "Ескі нұсқа" }),
    );
    expect(stale.code).toBe("stale");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toEqual(before);
    expect(before).toMatchObject({ subject: "Өңделген", version: 2 });
    expect(await prisma.auditLog.count({ where: { entity: "Letter", entityId: letter.id } })).toBe(2);
  });
});

describe("replies and overdue", () => {
  it("closes an incoming letter as answered when its reply is registered", async () => {
    const letter = await registerLetter(
      school,
      incoming({ subject: "Сұрау", dueDate: "2026-11-20", executorId: "u_teacher" }),
      NOW,
    );
    const before = await listLetters(school, letterQueryOf({ overdue: "1" }), { page: 1, pageSize: 100 }, NOW);
    expect(before.rows.map((r) => r.id)).toContain(letter.id);
    expect(before.rows.every((r) => r.overdue)).toBe(true);
    // an incoming letter cannot answer
    expect((await refusal(registerLetter(school, incoming({ replyToId: letter.id }), NOW))).fieldErrors.replyToId).toBe(
      "letters.replyOutgoingOnly",
    );
    const reply = await registerLetter(
      school,
      {
        ...incoming({ subject: "Жауап", correspondent: "Көкшетау қалалық білім бөлімі" }),
        direction: "OUTGOING",
        replyToId: letter.id,
      },
      NOW,
    );
    const { letter: card } = await letterCard(school, letter.id, NOW);
    expect(card).toMatchObject({ status: "ANSWERED", overdue: false, version: 2 });
    expect(card.replies.map((r) => r.number)).toEqual([reply.number]);
    expect((await letterCard(school, reply.id)).letter.replyTo?.id).toBe(letter.id);
    const after = await listLetters(school, letterQueryOf({ overdue: "1" }), { page: 1, pageSize: 100 }, NOW);
    expect(after.rows.map((r) => r.id)).not.toContain(letter.id);
    // a reply to another organisation's letter is refused
    const deptLetter = await registerLetter(district, incoming({ organizationId: departmentId }), NOW);
    expect(
      (await refusal(registerLetter(school, { ...incoming(), direction: "OUTGOING", replyToId: deptLetter.id }, NOW)))
        .fieldErrors.replyToId,
    ).toBe("letters.replyInvalid");
  });

  it("searches subject, correspondent and number, and exports what the list shows", async () => {
    const asked = await registerLetter(
      school,
      incoming({
        subject: "Оқулықтар туралы сауал",
        correspondent: "Бурабай аудандық білім бөлімі",
        letterNumber: "07-22/4410",
        letterDate: "2026-11-18",
      }),
      NOW,
    );
    const found = async (q: string) =>
      (await listLetters(school, letterQueryOf({ q }), { page: 1, pageSize: 10 }, NOW)).rows.map((r) => r.id);
    expect(await found("ОҚУЛЫҚТАР туралы")).toEqual([asked.id]);
    expect(await found("бурабай аудандық")).toEqual([asked.id]);
    expect(await found(asked.number)).toEqual([asked.id]);
    expect(await found("07-22/4410")).toEqual([asked.id]);
    // enough outgoing letters for two pages (their numbers run without gaps from 0001)
    const outgoing = await prisma.letter.count({ where: { organizationId: schoolId, direction: "OUTGOING" } });
    for (let i = outgoing; i < 10; i++)
      await registerLetter(school, { ...incoming({ subject: `Шығыс хат ${i}` }), direction: "OUTGOING" }, NOW);
    const page1 = await listLetters(
      school,
      letterQueryOf({ direction: "OUTGOING", sort: "number", dir: "asc" }),
      { page: 1, pageSize: 5 },
      NOW,
    );
    const page2 = await listLetters(
      school,
      letterQueryOf({ direction: "OUTGOING", sort: "number", dir: "asc" }),
      { page: 2, pageSize: 5 },
      NOW,
    );
    expect(page1.rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(page2.rows.map((r) => r.sequence)).toEqual([6, 7, 8, 9, 10]);
    const exported = await exportLetters(school, letterQueryOf({ direction: "OUTGOING" }), NOW);
    expect(exported.length).toBe(page1.total);
  });
});

describe("files", () => {
  it("stores a PDF by its sha256 and serves it only inside the scope", async () => {
    const letter = await registerLetter(school, incoming({ subject: "Файлмен" }), NOW);
    const pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    const { version } = await attachFile(school, {
      id: letter.id,
      version: 1,
      name: "C:\\scan\\хат.pdf",
      body: body(pdf),
    });
    expect(version).toBe(2);
    const file = await letterFile(district, letter.id);
    expect(file).toMatchObject({ name: "хат.pdf", type: "application/pdf", size: pdf.length });
    expect(readFileSync(store.pathOf(file.sha256), "utf8")).toBe(pdf);
    // the store's record of the blob, as for publication attachments
    expect(await prisma.storedFile.findUniqueOrThrow({ where: { sha256: file.sha256 } })).toMatchObject({
      size: pdf.length,
      kind: "pdf",
      mimeType: "application/pdf",
    });
    expect((await refusal(letterFile(otherAdmin, letter.id))).code).toBe("notFound");
    expect((await refusal(letterFile(teacher, letter.id))).code).toBe("forbidden");
  });

  it("refuses a file of another type, leaving no file and no change", async () => {
    const letter = await registerLetter(school, incoming({ subject: "Жаман файл" }), NOW);
    const files = allFiles();
    const refused = await refusal(
      attachFile(school, { id: letter.id, version: 1, name: "хат.pdf", body: body("MZ\x90\x00 not a pdf at all") }),
    );
    expect(refused.fieldErrors.file).toBe("files.contentMismatch");
    const empty = await refusal(attachFile(school, { id: letter.id, version: 1, name: "empty.pdf", body: body("") }));
    expect(empty.fieldErrors.file).toBe("files.empty");
    // a kind the file store knows but letters do not take
    const gif = await refusal(
      attachFile(school, { id: letter.id, version: 1, name: "scan.gif", body: body("GIF89a......") }),
    );
    expect(gif.fieldErrors.file).toBe("files.typeNotAllowed");
    expect(allFiles()).toEqual(files);
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
      version: 1,
      fileSha256: null,
    });
    // a stale version is refused before anything is stored
    expect(
      (await refusal(attachFile(school, { id: letter.id, version: 7, name: "a.pdf", body: body("%PDF-1.4\n") }))).code,
    ).toBe("stale");
    expect(allFiles()).toEqual(files);
  });

  it("refuses a file over 20 MB, leaving no file", async () => {
    const letter = await registerLetter(school, incoming({ subject: "Үлкен файл" }), NOW);
    const files = allFiles();
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const refused = await refusal(attachFile(school, { id: letter.id, version: 1, name: "big.pdf", body: body(big) }));
    expect(refused.fieldErrors.file).toBe("files.tooLarge");
    expect(allFiles()).toEqual(files);
  });
});

describe("archive", () => {
  it("carries the registers, their counters and the stored files, and puts the files back", async () => {
    const stored = await prisma.letter.findUniqueOrThrow({ where: { id: (await letterWithFile("Мұрағатқа")).id } });
    const db = database();
    const out = join(dir, "archive.tar.gz");
    const result = await exportArchive(db.raw, db.kind, out, { filesDir: store.root });
    const data = readFileSync(out);
    const { manifest } = verifyArchive(data);
    const tables = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    expect(tables.Letter).toBe(await prisma.letter.count());
    expect(tables.LetterCounter).toBe(await prisma.letterCounter.count());
    const part = `files/${stored.fileSha256!.slice(0, 2)}/${stored.fileSha256!.slice(2)}`;
    expect(result.manifest.parts.map((p) => p.path)).toContain(part);
    const restored = join(dir, "restored-files");
    expect(await restoreFiles(data, restored)).toBeGreaterThan(0);
    expect(readFileSync(new FileSystemBlobStore(restored).pathOf(stored.fileSha256!))).toEqual(
      readFileSync(store.pathOf(stored.fileSha256!)),
    );
  });
});
