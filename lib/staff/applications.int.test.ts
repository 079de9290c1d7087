import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { almatyDate } from "@/lib/time";
import { addDays } from "@/lib/diary/dates";
import { refusal, viewer } from "@/tests/setup/helpers";
import {
  applyForCourse,
  completeApplication,
  decideCourseApplication,
  markAttendance,
  ownCourseApplications,
  providerCourses,
  schoolApplications,
} from "./applications";
import { courseCertificatePdf, courseRecord, createCourse, providesCourses, verifyCourseCertificate } from "./courses";
import { courseDecide, courseInput } from "./schemas";

let ministry: Viewer;
let school: Viewer;
let school2: Viewer;
let provider: Viewer;
let teacher: Viewer;
let teacher2: Viewer;
let teacher3: Viewer;
let district: Viewer;
const TODAY = almatyDate(new Date());
const run = {
  providerId: "cp_orleu",
  nameKk: "Сынақ курсы",
  nameRu: "Пробный курс",
  nameEn: "Trial course",
  hours: "48",
  format: "ONLINE",
};

const counts = async () => {
  const [applications, completions, notifications] = await Promise.all([
    prisma.courseApplication.count(),
    prisma.courseCompletion.count(),
    prisma.notification.count({ where: { kind: { in: ["staff_course_decision", "staff_course_certificate"] } } }),
  ]);
  return { applications, completions, notifications };
};

beforeAll(async () => {
  ministry = await viewer("u_ministry");
  school = await viewer("u_school");
  school2 = await viewer("u_school2");
  provider = await viewer("u_provider");
  teacher = await viewer("u_teacher");
  teacher2 = await viewer("u_teacher2");
  teacher3 = await viewer("u_teacher3");
  district = await viewer("u_district");
});

describe("the provider's courses", () => {
  it("are the provider's own: another provider's course and a school admin are refused", async () => {
    expect(await providesCourses(provider)).toBe(true);
    expect(await providesCourses(school)).toBe(false);
    const form = courseInput.parse({ ...run, startsOn: addDays(TODAY, 20), endsOn: addDays(TODAY, 25), seats: "2" });
    expect((await refusal(createCourse(provider, { ...form, providerId: "cp_nis" }))).fieldErrors).toEqual({
      providerId: "validation.invalidOption",
    });
    expect((await refusal(createCourse(school, form))).fieldErrors).toEqual({ providerId: "validation.invalidOption" });
    expect((await refusal(createCourse(teacher, form))).code).toBe("forbidden");
    const { id } = await createCourse(provider, form);
    expect((await providerCourses(provider)).flatMap((p) => p.courses.map((c) => c.id))).toContain(id);
    expect((await refusal(providerCourses(teacher))).code).toBe("forbidden");
    expect(await providerCourses(school)).toEqual([]);
  });

  it("refuses a run with places but no start, or ending before it starts, naming the field", () => {
    const issues = (v: object) =>
      courseInput.safeParse({ ...run, ...v }).error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ seats: "10" })).toEqual([["startsOn", "staff.courses.startsRequired"]]);
    expect(issues({ startsOn: "2027-03-10", endsOn: "2027-03-01" })).toEqual([["endsOn", "staff.endBeforeStart"]]);
    expect(issues({ startsOn: "2027-03-10", seats: "0" })).toEqual([["seats", "staff.courses.seats"]]);
  });
});

describe("an application", () => {
  let courseId = "";
  let applicationId = "";

  beforeAll(async () => {
    courseId = (
      await createCourse(
        ministry,
        courseInput.parse({ ...run, nameEn: "Two seats", startsOn: addDays(TODAY, 10), seats: "2" }),
      )
    ).id;
  });

  it("for a course that started, for another position, or with no places is refused; nothing written", async () => {
    const started = (
      await createCourse(ministry, courseInput.parse({ ...run, startsOn: addDays(TODAY, -1), seats: "5" }))
    ).id;
    const before = await counts();
    expect((await refusal(applyForCourse(teacher, { courseId: started }))).fieldErrors).toEqual({
      courseId: "staff.applications.started",
    });
    expect((await refusal(applyForCourse(teacher, { courseId: "co_run_leaders" }))).fieldErrors).toEqual({
      courseId: "staff.applications.audience",
    });
    expect((await refusal(applyForCourse(teacher, { courseId: "co_digital" }))).fieldErrors).toEqual({
      courseId: "staff.applications.closed",
    });
    // a person who is not an employee
    expect((await refusal(applyForCourse(district, { courseId }))).code).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("is taken once per teacher; the last place goes to one applicant, the next is refused as full", async () => {
    applicationId = (await applyForCourse(teacher, { courseId })).id;
    expect((await refusal(applyForCourse(teacher, { courseId }))).fieldErrors).toEqual({
      courseId: "staff.applications.duplicate",
    });
    await applyForCourse(teacher2, { courseId });
    const before = await counts();
    expect((await refusal(applyForCourse(teacher3, { courseId }))).fieldErrors).toEqual({
      courseId: "staff.applications.full",
    });
    expect(await counts()).toEqual(before);
    const own = await ownCourseApplications(teacher);
    expect(own!.courses.find((c) => c.id === courseId)).toMatchObject({ left: 0, applied: true });
    expect(own!.applications[0]).toMatchObject({ id: applicationId, status: "SUBMITTED" });
  });

  it("is decided by the admin of the teacher's school only; a refusal needs a reason", async () => {
    expect(
      courseDecide.safeParse({ id: applicationId, decision: "refuse", reason: "" }).error!.issues[0],
    ).toMatchObject({
      path: ["reason"],
      message: "staff.applications.reasonRequired",
    });
    const before = await counts();
    expect((await refusal(decideCourseApplication(school2, { id: applicationId, decision: "approve" }))).code).toBe(
      "notFound",
    );
    expect((await refusal(decideCourseApplication(provider, { id: applicationId, decision: "approve" }))).code).toBe(
      "notFound",
    );
    expect((await refusal(decideCourseApplication(teacher, { id: applicationId, decision: "approve" }))).code).toBe(
      "forbidden",
    );
    expect(await counts()).toEqual(before);
    expect((await schoolApplications(school)).map((a) => a.id)).toContain(applicationId);
    expect((await schoolApplications(school2)).map((a) => a.id)).not.toContain(applicationId);

    await decideCourseApplication(school, { id: applicationId, decision: "approve" });
    const note = await prisma.notification.findFirstOrThrow({
      where: { userId: "u_teacher", kind: "staff_course_decision" },
      orderBy: { createdAt: "desc" },
    });
    expect(note.payload).toMatchObject({ decision: "approve", courseEn: "Two seats" });
    expect(
      (await refusal(decideCourseApplication(school, { id: applicationId, decision: "approve" }))).fieldErrors,
    ).toEqual({ id: "staff.applications.decided" });
  });

  it("is completed by the provider after attendance: one certificate, verifiable, with a PDF for its holder", async () => {
    const before = await counts();
    // not marked as attended yet; another provider's admin and a school admin cannot touch it
    expect(
      (await refusal(completeApplication(provider, { id: applicationId, completedOn: TODAY }))).fieldErrors,
    ).toEqual({ id: "staff.applications.notAttended" });
    expect((await refusal(markAttendance(school, { id: applicationId, attended: "yes" }))).code).toBe("notFound");
    expect((await refusal(markAttendance(teacher, { id: applicationId, attended: "yes" }))).code).toBe("forbidden");
    expect(await counts()).toEqual(before);
    await markAttendance(provider, { id: applicationId, attended: "yes" });
    const future = await refusal(completeApplication(provider, { id: applicationId, completedOn: addDays(TODAY, 1) }));
    expect(future.fieldErrors).toEqual({ completedOn: "staff.courses.future" });
    const hoursBefore = (
      await courseRecord(
        (await prisma.courseApplication.findUniqueOrThrow({ where: { id: applicationId } })).employeeId,
      )
    ).hours;

    const cert = await completeApplication(provider, { id: applicationId, completedOn: TODAY });
    expect(cert.number).toMatch(/^PD-\d{4}-\d{6}$/);
    const after = await counts();
    expect(after.completions).toBe(before.completions + 1);
    const application = await prisma.courseApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(application).toMatchObject({ status: "COMPLETED", attended: true });
    expect(application.completionId).not.toBeNull();
    expect((await courseRecord(application.employeeId)).hours).toBe(hoursBefore + 48);
    expect(await verifyCourseCertificate(cert.code)).toMatchObject({ number: cert.number, hours: 48 });
    expect(
      await prisma.notification.count({ where: { userId: "u_teacher", kind: "staff_course_certificate" } }),
    ).toBeGreaterThan(0);
    // completed once: a second completion is refused
    expect(
      (await refusal(completeApplication(provider, { id: applicationId, completedOn: TODAY }))).fieldErrors,
    ).toEqual({ id: "staff.applications.notApproved" });

    // the PDF: its holder, the school and the provider; not another school or another teacher
    const { pdf, number } = await courseCertificatePdf(teacher, application.completionId!, "kk");
    expect(number).toBe(cert.number);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    await courseCertificatePdf(school, application.completionId!, "ru");
    await courseCertificatePdf(provider, application.completionId!, "en");
    expect((await refusal(courseCertificatePdf(school2, application.completionId!, "en"))).code).toBe("notFound");
    expect((await refusal(courseCertificatePdf(teacher2, application.completionId!, "en"))).code).toBe("notFound");
  });

  it("refused with a reason frees the place and the teacher may apply again", async () => {
    const second = await prisma.courseApplication.findFirstOrThrow({
      where: { courseId, status: "SUBMITTED" },
      select: { id: true, organizationId: true },
    });
    const admin = second.organizationId === school.roles[0]!.organizationId ? school : school2;
    await decideCourseApplication(admin, { id: second.id, decision: "refuse", reason: "No substitute that week" });
    const note = await prisma.notification.findFirstOrThrow({
      where: { userId: "u_teacher2", kind: "staff_course_decision" },
      orderBy: { createdAt: "desc" },
    });
    expect(note.payload).toMatchObject({ decision: "refuse", reason: "No substitute that week" });
    await applyForCourse(teacher2, { courseId });
    expect(await prisma.courseApplication.count({ where: { courseId, status: { not: "REFUSED" } } })).toBe(2);
  });
});
