import { beforeAll, describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFRawStream } from "pdf-lib";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import { createClass, createYear } from "@/lib/diary/setup";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { refusal, viewer } from "@/tests/setup/helpers";
import {
  acceptFirstGrade,
  answerInformation,
  applicationForStaff,
  applyFirstGrade,
  myApplications,
  refuseApplication,
  requestInformation,
  staffQueue,
  startReview,
} from "./applications";
import { certificatePdf, eligibleStudents, issueStudyCertificate, verifyCertificate } from "./certificates";

const NOW = new Date("2026-11-23T10:00:00Z");

function childIin(birthDate: string, serial: number, sex: "MALE" | "FEMALE" = "MALE"): string {
  return withCheckDigit(iinPrefix(birthDate, sex) + String(serial).padStart(4, "0"))!;
}

let parent: Viewer;
let parent2: Viewer;
let schoolAdmin: Viewer;
let school: string;
let otherSchool: string;
let notASchool: string;
let classId = "";

/** Row counts that a refused request must leave unchanged. */
async function counts() {
  const [applications, events, notifications, people, enrolments, certificates] = await Promise.all([
    prisma.serviceApplication.count(),
    prisma.serviceApplicationEvent.count(),
    prisma.notification.count(),
    prisma.person.count(),
    prisma.classEnrolment.count(),
    prisma.certificate.count(),
  ]);
  return { applications, events, notifications, people, enrolments, certificates };
}

const form = (iin: string, extra: Partial<Parameters<typeof applyFirstGrade>[1]> = {}) => ({
  childIin: iin,
  childLastName: "Сейітова",
  childFirstName: "Әсел",
  organizationId: school,
  admissionYear: 2027,
  ...extra,
});

beforeAll(async () => {
  parent = await viewer("u_parent");
  parent2 = await viewer("u_parent2");
  schoolAdmin = await viewer("u_school");
  school = schoolAdmin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  const territoryId = (await prisma.organization.findUniqueOrThrow({ where: { id: school } })).territoryId;
  otherSchool = (
    await prisma.organization.findFirstOrThrow({
      where: { kind: { code: "SCHOOL" }, territoryId: { not: territoryId } },
    })
  ).id;
  notASchool = (await prisma.organization.findFirstOrThrow({ where: { kind: { code: { not: "SCHOOL" } } } })).id;
  const year = await createYear(schoolAdmin, { organizationId: school, startYear: 2027 });
  classId = (await createClass(schoolAdmin, { academicYearId: year.id, grade: 1, letter: "А" })).id;
});

describe("first-grade admission", () => {
  const iin = childIin("2021-03-10", 4711, "FEMALE");
  let applicationId = "";

  it("refuses bad input with a field error and writes nothing", async () => {
    const before = await counts();
    const broken = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    expect((await refusal(applyFirstGrade(parent, form(broken), NOW))).fieldErrors.childIin).toBe(
      "services.iinInvalid",
    );
    // too young (turns 6 after 1 September 2027) and too old (already 8)
    const young = await refusal(applyFirstGrade(parent, form(childIin("2021-10-01", 1)), NOW));
    expect(young.fieldErrors.childIin).toBe("services.tooYoung");
    expect(young.params.year).toBe(2027);
    expect((await refusal(applyFirstGrade(parent, form(childIin("2019-05-01", 2)), NOW))).fieldErrors.childIin).toBe(
      "services.tooOld",
    );
    // a registered child of another parent
    const other = await prisma.guardianship.findFirstOrThrow({
      where: { userId: "u_parent2" },
      include: { student: true },
    });
    expect(
      (await refusal(applyFirstGrade(parent, form(other.student.iin, { admissionYear: 2026 }), NOW))).fieldErrors
        .childIin,
    ).toBe("services.notYourChild");
    // a notASchool is not a school: outside the service's scope
    const outside = await refusal(applyFirstGrade(parent, form(iin, { organizationId: notASchool }), NOW));
    expect(outside.code).toBe("outOfScope");
    expect(outside.fieldErrors.organizationId).toBe("services.schoolOutOfScope");
    // a year that is not open
    expect(
      (await refusal(applyFirstGrade(parent, form(iin, { admissionYear: 2029 }), NOW))).fieldErrors.admissionYear,
    ).toBe("services.yearClosed");
    // only parents apply for admission
    expect((await refusal(applyFirstGrade(await viewer("u_student"), form(iin), NOW))).code).toBe("forbidden");
    expect((await refusal(applyFirstGrade(schoolAdmin, form(iin), NOW))).code).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("accepts an application, tells the school, and refuses a duplicate while it is open", async () => {
    applicationId = (await applyFirstGrade(parent, form(iin, { childMiddleName: "Ерланқызы" }), NOW)).id;
    const app = await prisma.serviceApplication.findUniqueOrThrow({
      where: { id: applicationId },
      include: { events: true },
    });
    expect(app.status).toBe("SUBMITTED");
    expect(app.childBirthDate.toISOString().slice(0, 10)).toBe("2021-03-10");
    expect(app.dueAt.getTime()).toBe(NOW.getTime() + 5 * 86_400_000);
    expect(app.events.map((e) => e.status)).toEqual(["SUBMITTED"]);
    expect(await prisma.notification.count({ where: { userId: "u_parent", kind: "services_submitted" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: "u_school", kind: "services_new" } })).toBe(1);
    const before = await counts();
    const dup = await refusal(applyFirstGrade(parent, form(iin, { organizationId: otherSchool }), NOW));
    expect(dup.code).toBe("duplicate");
    expect(dup.fieldErrors.childIin).toBe("services.duplicate");
    expect(await counts()).toEqual(before);
    expect((await myApplications(parent)).map((a) => a.id)).toContain(applicationId);
    expect((await myApplications(parent2)).map((a) => a.id)).not.toContain(applicationId);
  });

  it("shows the application only to staff whose scope holds the school, with overdue marking", async () => {
    const queue = await staffQueue(schoolAdmin, { page: 1, pageSize: 20 }, NOW);
    expect(queue.rows.map((r) => r.id)).toContain(applicationId);
    const district = await staffQueue(await viewer("u_district"), { page: 1, pageSize: 20 }, NOW);
    expect(district.rows.map((r) => r.id)).toContain(applicationId);
    const later = new Date(NOW.getTime() + 6 * 86_400_000);
    expect(
      (await staffQueue(schoolAdmin, { page: 1, pageSize: 20, overdue: true }, later)).rows.map((r) => r.id),
    ).toContain(applicationId);
    expect((await staffQueue(schoolAdmin, { page: 1, pageSize: 20, overdue: true }, NOW)).total).toBe(0);
    // another school's administrator and a parent see nothing of it
    const otherAdmin = await prisma.roleAssignment.findFirst({
      where: { role: "ORG_ADMIN", organizationId: { not: school } },
    });
    if (otherAdmin) {
      const other = await viewer(otherAdmin.userId);
      expect((await staffQueue(other, { page: 1, pageSize: 20 }, NOW)).rows.map((r) => r.id)).not.toContain(
        applicationId,
      );
      expect((await refusal(applicationForStaff(other, applicationId))).code).toBe("notFound");
    }
    expect((await refusal(staffQueue(parent, { page: 1, pageSize: 20 }, NOW))).code).toBe("forbidden");
    expect((await applicationForStaff(schoolAdmin, applicationId)).classes.map((c) => c.id)).toEqual([classId]);
  });

  it("refuses a refusal without reason, a stale version and a step by a parent; nothing changes", async () => {
    const before = await counts();
    expect(
      (await refusal(refuseApplication(schoolAdmin, { applicationId, version: 1, reason: "  " }))).fieldErrors.reason,
    ).toBe("services.reasonRequired");
    expect((await refusal(startReview(schoolAdmin, { applicationId, version: 7 }))).code).toBe("stale");
    expect((await refusal(startReview(parent, { applicationId, version: 1 }))).code).toBe("forbidden");
    expect((await refusal(answerInformation(parent, { applicationId, version: 1, note: "here" }))).code).toBe(
      "conflict",
    );
    expect(await counts()).toEqual(before);
    expect((await prisma.serviceApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("goes through review and a request for information, then enrols the child in the first-grade class", async () => {
    await startReview(schoolAdmin, { applicationId, version: 1 });
    await requestInformation(schoolAdmin, { applicationId, version: 2, reason: "Attach the address registration" });
    expect(
      (await prisma.notification.findFirstOrThrow({ where: { userId: "u_parent", kind: "services_needs_info" } }))
        .payload,
    ).toMatchObject({ reason: "Attach the address registration" });
    expect((await refusal(answerInformation(parent2, { applicationId, version: 3, note: "x" }))).code).toBe("notFound");
    await answerInformation(parent, { applicationId, version: 3, note: "Registered at the school's address" });
    // a class of another grade is refused
    const fifth = await prisma.classGroup.findFirstOrThrow({ where: { organizationId: school, grade: { not: 1 } } });
    expect(
      (await refusal(acceptFirstGrade(schoolAdmin, { applicationId, version: 4, classGroupId: fifth.id }))).fieldErrors
        .classGroupId,
    ).toBe("services.classInvalid");
    const { studentId } = await acceptFirstGrade(schoolAdmin, { applicationId, version: 4, classGroupId: classId });
    const enrolment = await prisma.classEnrolment.findFirstOrThrow({
      where: { studentId },
      include: { student: { include: { guardians: true } } },
    });
    expect(enrolment.classGroupId).toBe(classId);
    expect(enrolment.student.firstName).toBe("Әсел");
    expect(enrolment.student.sex).toBe("FEMALE");
    expect(enrolment.student.guardians.map((g) => g.userId)).toEqual(["u_parent"]);
    const app = await prisma.serviceApplication.findUniqueOrThrow({
      where: { id: applicationId },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect(app.status).toBe("APPROVED");
    expect(app.activeKey).toBeNull();
    expect(app.events.map((e) => e.status)).toEqual(["SUBMITTED", "IN_REVIEW", "NEEDS_INFO", "IN_REVIEW", "APPROVED"]);
    expect(
      await prisma.notification.count({
        where: { userId: "u_parent", kind: { in: NOTIFICATION_KINDS.filter((k) => k.startsWith("services_")) } },
      }),
    ).toBe(5);
    expect(await prisma.auditLog.count({ where: { entity: "ServiceApplication", entityId: applicationId } })).toBe(5);
    // closed: no more steps
    expect(
      (await refusal(refuseApplication(schoolAdmin, { applicationId, version: 5, reason: "Changed my mind" }))).code,
    ).toBe("conflict");
  });

  it("refuses with the reason and lets the parent apply again afterwards", async () => {
    const iin2 = childIin("2020-12-01", 815);
    const id = (await applyFirstGrade(parent, form(iin2), NOW)).id;
    await refuseApplication(schoolAdmin, { applicationId: id, version: 1, reason: "No places left in first grade" });
    const app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id } });
    expect(app.status).toBe("REFUSED");
    expect(app.reason).toBe("No places left in first grade");
    expect(
      (await prisma.notification.findFirstOrThrow({ where: { userId: "u_parent", kind: "services_refused" } })).payload,
    ).toMatchObject({ reason: "No places left in first grade" });
    await applyFirstGrade(parent, form(iin2, { organizationId: otherSchool }), NOW);
  });
});

describe("certificates of study", () => {
  let aruzhan = "";
  let number = "";
  let code = "";
  let certificateId = "";

  it("lists the parent's enrolled children and issues a certificate at once", async () => {
    const students = await eligibleStudents(parent, NOW);
    expect(students.length).toBe(2);
    aruzhan = students.find((s) => s.firstName === "Аружан")!.id;
    const issued = await issueStudyCertificate(parent, { studentId: aruzhan, language: "kk" }, NOW);
    ({ number, code } = issued);
    certificateId = issued.id;
    expect(number).toMatch(/^SC-2026-\d{6}$/);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const app = await prisma.serviceApplication.findUniqueOrThrow({
      where: { id: issued.applicationId },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect(app.status).toBe("ISSUED");
    expect(app.events.map((e) => e.status)).toEqual(["SUBMITTED", "ISSUED"]);
    // the student herself may request one too
    await issueStudyCertificate(await viewer("u_student"), { studentId: aruzhan, language: "ru" }, NOW);
  });

  it("refuses a certificate for someone else's child, writing nothing", async () => {
    const before = await counts();
    const other = await prisma.guardianship.findFirstOrThrow({ where: { userId: "u_parent2" } });
    expect(
      (await refusal(issueStudyCertificate(parent, { studentId: other.studentId, language: "kk" }, NOW))).code,
    ).toBe("notFound");
    expect((await refusal(issueStudyCertificate(schoolAdmin, { studentId: aruzhan, language: "kk" }, NOW))).code).toBe(
      "forbidden",
    );
    expect(await counts()).toEqual(before);
  });

  it("numbers concurrent certificates uniquely", async () => {
    const issued = await Promise.all(
      Array.from({ length: 12 }, () => issueStudyCertificate(parent, { studentId: aruzhan, language: "en" }, NOW)),
    );
    const all = [...issued.map((i) => i.number), number];
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(issued.map((i) => i.code)).size).toBe(issued.length);
  });

  it("renders the PDF for its owner only, with the Kazakh font embedded", async () => {
    const { pdf } = await certificatePdf(parent, certificateId, "http://localhost:3000");
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(pdf);
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o.toString())
      .filter((o) => o.includes("/FontDescriptor"));
    expect(fonts.some((f) => /\/FontName \/DejaVuSans-\d+/.test(f))).toBe(true);
    expect(doc.getTitle()).toContain(number);
    // the Kazakh letters of the issuer's name are real glyphs of the embedded font (mapped back to Unicode)
    const cmaps = doc.context
      .enumerateIndirectObjects()
      .filter(([, o]) => o instanceof PDFRawStream)
      .map(([, o]) => inflateSync((o as PDFRawStream).getContents()).toString("latin1"))
      .filter((text) => text.includes("beginbfchar") || text.includes("beginbfrange"));
    for (const letter of ["қ", "ң", "ғ", "і", "ү", "ө"]) {
      const hex = letter.codePointAt(0)!.toString(16).padStart(4, "0");
      expect(
        cmaps.some((c) => c.toLowerCase().includes(`<${hex}>`)),
        letter,
      ).toBe(true);
    }
    expect(pdf.byteLength).toBeGreaterThan(5_000);
    expect((await refusal(certificatePdf(parent2, certificateId, "http://localhost:3000"))).code).toBe("notFound");
  });

  it("verifies a genuine code (or number with code) with initials only, never the number alone", async () => {
    const byCode = await verifyCertificate(code.toLowerCase(), NOW);
    expect(byCode.number).toBe(number);
    expect(byCode.holderInitials).toBe("А. Е. О.");
    expect(byCode.valid).toBe(true);
    expect(byCode.classLabel).toMatch(/^5 /);
    expect(JSON.stringify(byCode)).not.toMatch(/Омарова|Аружан|\d{12}/);
    expect(Object.keys(byCode).sort()).toEqual([
      "classLabel",
      "holderInitials",
      "number",
      "school",
      "valid",
      "validUntil",
    ]);
    expect((await verifyCertificate(`${number} ${code}`, NOW)).holderInitials).toBe("А. Е. О.");
    expect((await refusal(verifyCertificate(number, NOW))).fieldErrors.q).toBe("services.codeRequired");
    const forged = code === "ZZZZ-ZZZZ" ? "ZZZZ-ZZZY" : "ZZZZ-ZZZZ";
    const before = await counts();
    expect((await refusal(verifyCertificate(forged, NOW))).fieldErrors.q).toBe("services.notGenuine");
    expect((await refusal(verifyCertificate(`${number} ${forged}`, NOW))).fieldErrors.q).toBe("services.notGenuine");
    expect((await refusal(verifyCertificate(`SC-2026-999999 ${code}`, NOW))).fieldErrors.q).toBe("services.notGenuine");
    expect((await refusal(verifyCertificate("<script>", NOW))).fieldErrors.q).toBe("services.codeMalformed");
    expect(await counts()).toEqual(before);
  });
});
