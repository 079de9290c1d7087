import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { almatyDate } from "@/lib/time";
import { addDays } from "@/lib/diary/dates";
import { refusal, viewer } from "@/tests/setup/helpers";
import { verifyCertificate } from "@/lib/services/certificates";
import { courseRecord, createCourse, createProvider, recordCompletion, verifyCourseCertificate } from "./courses";
import { completionInput, courseInput, providerInput } from "./schemas";
import { COURSE_HOURS_POLICY } from "./rules";

let ministry: Viewer;
let region: Viewer;
let school: Viewer;
let school2: Viewer;
let teacher: Viewer;
let courseId = "";
let providerId = "";
let employeeId = "";
const TODAY = almatyDate(new Date());

async function counts() {
  const [providers, courses, completions] = await Promise.all([
    prisma.courseProvider.count(),
    prisma.course.count(),
    prisma.courseCompletion.count(),
  ]);
  return { providers, courses, completions };
}

const issue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error!.issues.map((i) => [i.path.join("."), i.message]);

beforeAll(async () => {
  ministry = await viewer("u_ministry");
  region = await viewer("u_region");
  school = await viewer("u_school");
  school2 = await viewer("u_school2");
  teacher = await viewer("u_teacher");
  const user = await prisma.user.findUniqueOrThrow({ where: { id: "u_teacher" }, select: { personId: true } });
  employeeId = (await prisma.employee.findUniqueOrThrow({ where: { personId: user.personId! } })).id;
});

describe("the catalogue", () => {
  it("is kept by the ministry and regions; bad input refused naming the field, nothing written", async () => {
    const before = await counts();
    expect(issue(providerInput.safeParse({ nameKk: "", nameRu: "Институт", nameEn: "Institute" }))).toEqual([
      ["nameKk", "validation.required"],
    ]);
    expect((await refusal(createProvider(school, { nameKk: "А", nameRu: "Б", nameEn: "C" }))).code).toBe("forbidden");
    expect((await refusal(createProvider(teacher, { nameKk: "А", nameRu: "Б", nameEn: "C" }))).code).toBe("forbidden");
    expect(await counts()).toEqual(before);
    providerId = (
      await createProvider(
        ministry,
        providerInput.parse({ nameKk: "Өрлеу", nameRu: "Өрлеу", nameEn: "Orleu", organizationId: "" }),
      )
    ).id;
    const form = { providerId, nameKk: "Цифрлық сауат", nameRu: "Цифровая грамотность", nameEn: "Digital literacy" };
    expect(issue(courseInput.safeParse({ ...form, hours: "0", format: "ONLINE" }))).toEqual([
      ["hours", "staff.courses.hours"],
    ]);
    courseId = (await createCourse(region, courseInput.parse({ ...form, hours: "72", format: "ONLINE" }))).id;
  });
});

describe("a completion", () => {
  it("with hours ≤ 0, in the future, out of scope or by a teacher is refused, nothing written", async () => {
    const before = await counts();
    const form = { courseId, employeeId, completedOn: TODAY };
    expect(issue(completionInput.safeParse({ ...form, hours: "0" }))).toEqual([["hours", "staff.courses.hours"]]);
    expect(issue(completionInput.safeParse({ ...form, hours: "-5" }))).toEqual([["hours", "staff.courses.hours"]]);
    const future = await refusal(recordCompletion(school, { ...form, hours: 72, completedOn: addDays(TODAY, 2) }));
    expect(future.fieldErrors).toEqual({ completedOn: "staff.courses.future" });
    expect((await refusal(recordCompletion(school2, { ...form, hours: 72 }))).code).toBe("notFound");
    expect((await refusal(recordCompletion(teacher, { ...form, hours: 72 }))).code).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("issues a certificate that verifies publicly by its code; the hours count on the card", async () => {
    const before = await courseRecord(employeeId);
    const cert = await recordCompletion(school, { courseId, employeeId, completedOn: TODAY, hours: 36 });
    expect(cert.number).toMatch(/^PD-\d{4}-\d{6}$/);
    const after = await courseRecord(employeeId);
    expect(after.hours).toBe(before.hours + 36);
    expect(after.required).toBe(COURSE_HOURS_POLICY.hours);
    expect(after.completions[0]).toMatchObject({ number: cert.number, code: cert.code });
    const found = await verifyCourseCertificate(cert.code.toLowerCase());
    expect(found).toMatchObject({ number: cert.number, hours: 36, course: { nameEn: "Digital literacy" } });
    expect(found?.holderInitials).toMatch(/^[\p{Lu}]\. /u);
    expect(await verifyCourseCertificate(`${cert.number} ${cert.code}`)).toMatchObject({ number: cert.number });
    // the number alone, a wrong code: nothing
    expect(await verifyCourseCertificate(cert.number)).toBeNull();
    expect(await verifyCourseCertificate("ZZZZ-ZZZZ")).toBeNull();
    expect(await verifyCourseCertificate("not a code")).toBeNull();
    // the study certificates' verification does not know it (the page asks both)
    expect((await refusal(verifyCertificate(cert.code))).code).toBe("notFound");
  });
});
