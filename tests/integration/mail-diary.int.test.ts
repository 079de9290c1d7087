/**
 * The e-diary's notifications by e-mail (absence alerts, published term grades) and the mail of an
 * organisation's notifications: who receives them, in which language, and by each person's choice.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { confirmTerm, saveJournal } from "@/lib/diary/journal";
import { createNotifications } from "@/lib/notifications/create";
import { queueDigests, saveMailPreferences } from "@/lib/mail/notify";
import { renderMail } from "@/lib/mail/templates";
import { viewer } from "@/tests/setup/helpers";

const NOW = new Date("2026-11-23T10:00:00Z");
const MATH = "c_subject_math";

let teacher: Viewer;
let key: { classGroupId: string; subjectId: string; termId: string };
let aruzhan: string; // u_parent's child, u_student's own person
let other: string; // u_parent2's child
let lessons: { id: string; date: Date }[];
let school: string;

const verified = (id: string, email: string, mailLocale: string | null) =>
  prisma.user.update({ where: { id }, data: { email, emailVerifiedAt: new Date(), mailLocale } });
const mailsOf = (userId: string) => prisma.mailOutbox.findMany({ where: { userId }, orderBy: { id: "asc" } });
const notesOf = (userId: string, kind: "diary_absence" | "diary_term_grades") =>
  prisma.notification.findMany({ where: { userId, kind } });
const attendance = (lessonId: string, studentId: string, status: "ABSENT" | "LATE" | "EXCUSED" | null) => ({
  type: "attendance" as const,
  lessonId,
  studentId,
  status,
});

beforeAll(async () => {
  teacher = await viewer("u_teacher");
  const classA = await prisma.classGroup.findFirstOrThrow({
    where: { homeroomTeacherId: "u_teacher" },
    orderBy: [{ grade: "asc" }, { id: "asc" }],
  });
  school = classA.organizationId;
  const term = await prisma.term.findFirstOrThrow({ where: { number: 2, organizationId: school } });
  key = { classGroupId: classA.id, subjectId: MATH, termId: term.id };
  aruzhan = (await prisma.user.findUniqueOrThrow({ where: { id: "u_student" } })).personId!;
  other = (await prisma.guardianship.findFirstOrThrow({ where: { userId: "u_parent2" } })).studentId;
  // two lessons on one day (a second period added), and lessons on two other days
  const seeded = await prisma.lesson.findMany({ where: key, orderBy: [{ date: "asc" }, { period: "asc" }], take: 3 });
  const second = await prisma.lesson.create({
    data: { organizationId: school, ...key, date: seeded[0]!.date, period: 8 },
  });
  lessons = [seeded[0]!, second, seeded[1]!, seeded[2]!];
  await prisma.attendance.deleteMany({ where: { lesson: key } });
  await verified("u_parent", "parent@example.kz", "ru");
  await verified("u_parent2", "parent2@example.kz", null);
  await verified("u_student", "pupil@example.kz", "en");
  await verified("u_teacher", "teacher@example.kz", null);
  await saveMailPreferences("u_parent2", { diary: "OFF" });
});

describe("absence alerts", () => {
  it("alerts the parent only, once per pupil and day, in the parent's language; 'off' keeps it in the portal", async () => {
    await saveJournal(
      teacher,
      {
        ...key,
        changes: [
          attendance(lessons[0]!.id, aruzhan, "ABSENT"),
          attendance(lessons[1]!.id, aruzhan, "ABSENT"),
          attendance(lessons[0]!.id, other, "ABSENT"),
        ],
      },
      NOW,
    );
    // a later save marking another lesson of the same day alerts no one again
    await saveJournal(teacher, { ...key, changes: [attendance(lessons[1]!.id, other, "ABSENT")] }, NOW);

    const notes = await notesOf("u_parent", "diary_absence");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.payload).toMatchObject({ studentId: aruzhan, date: lessons[0]!.date.toISOString().slice(0, 10) });
    const mails = await mailsOf("u_parent");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "parent@example.kz", locale: "ru", template: "notification" });
    const rendered = await renderMail(mails[0]!.template, mails[0]!.locale, mails[0]!.params as never);
    expect(rendered.subject).toContain("Аружан Омарова");
    expect(rendered.subject).toContain("отсутствовал");
    expect(rendered.url).toContain(`/ru/diary?student=${aruzhan}`);
    expect(rendered.unsubscribeUrl).toMatch(/unsubscribe\?token=/);

    // neither the pupil nor the teacher is told; the other parent chose "off": in the portal only
    expect(await notesOf("u_student", "diary_absence")).toHaveLength(0);
    expect(await mailsOf("u_student")).toHaveLength(0);
    expect(await mailsOf("u_teacher")).toHaveLength(0);
    expect(await notesOf("u_parent2", "diary_absence")).toHaveLength(1);
    expect(await mailsOf("u_parent2")).toHaveLength(0);
  });

  it("alerts no one for a mark corrected within the same save, a late or excused pupil, or a pupil already absent", async () => {
    const before = await prisma.notification.count({ where: { kind: "diary_absence" } });
    await saveJournal(
      teacher,
      {
        ...key,
        changes: [
          attendance(lessons[2]!.id, aruzhan, "ABSENT"),
          attendance(lessons[2]!.id, aruzhan, "EXCUSED"),
          attendance(lessons[3]!.id, aruzhan, "LATE"),
          attendance(lessons[0]!.id, aruzhan, "ABSENT"),
        ],
      },
      NOW,
    );
    expect(await prisma.notification.count({ where: { kind: "diary_absence" } })).toBe(before);
  });

  it("goes into the daily digest of a parent who chose it", async () => {
    await saveMailPreferences("u_parent2", { diary: "DIGEST" });
    await saveJournal(teacher, { ...key, changes: [attendance(lessons[3]!.id, other, "ABSENT")] }, NOW);
    expect(await mailsOf("u_parent2")).toHaveLength(0);
    expect(await queueDigests(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
    const mails = await mailsOf("u_parent2");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe("digest");
    const rendered = await renderMail("digest", mails[0]!.locale, mails[0]!.params as never);
    expect(rendered.text).toMatch(/сабаққа себепсіз келмеді/);
  });
});

describe("published term grades", () => {
  it("tell the parents and the pupil, each in their language of mail", async () => {
    const parentMails = (await mailsOf("u_parent")).length;
    await confirmTerm(teacher, key, NOW);
    expect(await notesOf("u_parent", "diary_term_grades")).toHaveLength(1);
    expect(await notesOf("u_student", "diary_term_grades")).toHaveLength(1);
    expect(await notesOf("u_teacher", "diary_term_grades")).toHaveLength(0);
    const parent = (await mailsOf("u_parent")).slice(parentMails);
    expect(parent).toHaveLength(1);
    expect(parent[0]!.locale).toBe("ru");
    const pupil = await mailsOf("u_student");
    expect(pupil).toHaveLength(1);
    const rendered = await renderMail(pupil[0]!.template, pupil[0]!.locale, pupil[0]!.params as never);
    expect(rendered.subject).toMatch(/grades of term 2 in .+ are published/);
    // u_parent2 chose the digest for the diary: nothing at once
    expect(await notesOf("u_parent2", "diary_term_grades")).toHaveLength(1);
    expect(await mailsOf("u_parent2")).toHaveLength(1);
  });
});

describe("an organisation's notifications", () => {
  it("are given and mailed to the holders of the topic's role at that organisation, each by their own choice", async () => {
    const school2 = (await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school2" } })).organizationId!;
    await verified("u_school", "school@example.kz", "en");
    await verified("u_school2", "school2@example.kz", null);
    const returned = {
      kind: "reporting_returned" as const,
      payload: { form: "F-1", period: "2026", organization: "№1", level: "district" },
    };
    await prisma.$transaction((tx) => createNotifications(tx, [{ organizationId: school, userId: null, ...returned }]));
    const mails = await mailsOf("u_school");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "school@example.kz", locale: "en" });
    // in the school admin's own list, read on their own; nobody else's
    const listed = await prisma.notification.findMany({
      where: { organizationId: school, kind: "reporting_returned" },
    });
    expect(listed.map((n) => n.userId)).toEqual(["u_school"]);
    // not the other school's admin, not the teacher of the same school (no reporting role)
    expect(await mailsOf("u_school2")).toHaveLength(0);
    expect(await mailsOf("u_teacher")).toHaveLength(0);

    // "off" for reporting: no mail; "digest": collected with the day's digest
    await saveMailPreferences("u_school", { reporting: "OFF" });
    await prisma.$transaction((tx) => createNotifications(tx, [{ organizationId: school, userId: null, ...returned }]));
    expect(await mailsOf("u_school")).toHaveLength(1);
    await saveMailPreferences("u_school2", { reporting: "DIGEST" });
    await prisma.$transaction((tx) =>
      createNotifications(tx, [{ organizationId: school2, userId: null, ...returned }]),
    );
    expect(await mailsOf("u_school2")).toHaveLength(0);
    await queueDigests(new Date(Date.now() + 1000));
    const digest = await mailsOf("u_school2");
    expect(digest).toHaveLength(1);
    expect(digest[0]!.template).toBe("digest");
    expect((digest[0]!.params as { items: unknown[] }).items).toHaveLength(1);
  });
});
