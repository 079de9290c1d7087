import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { childThreads, classThreads, reply, startFamilyThread, startThread } from "./messages";
import { refusal, viewer } from "@/tests/setup/helpers";

let teacher: Viewer;
let teacher2: Viewer;
let parent: Viewer;
let parent2: Viewer;
let classA: string;
let aruzhan: string;
let otherChild: string;

beforeAll(async () => {
  teacher = await viewer("u_teacher");
  teacher2 = await viewer("u_teacher2");
  parent = await viewer("u_parent");
  parent2 = await viewer("u_parent2");
  classA = (await prisma.classGroup.findFirstOrThrow({ where: { homeroomTeacherId: "u_teacher" } })).id;
  aruzhan = (await prisma.user.findUniqueOrThrow({ where: { id: "u_student" } })).personId!;
  otherChild = (await prisma.guardianship.findFirstOrThrow({ where: { userId: "u_parent2" } })).studentId;
});

describe("teacher–parent messages", () => {
  it("a class-wide message reaches every parent of the class and notifies them; a parent replies", async () => {
    const { id } = await startThread(teacher, { classGroupId: classA, body: "Ертең экскурсия." });
    expect((await childThreads(parent, aruzhan)).map((t) => t.id)).toContain(id);
    expect((await childThreads(parent2, otherChild)).map((t) => t.id)).toContain(id);
    expect(
      await prisma.notification.count({ where: { kind: "diary_message", userId: { in: ["u_parent", "u_parent2"] } } }),
    ).toBe(2);
    await reply(parent, { threadId: id, body: "Рақмет!" });
    const seen = (await classThreads(teacher, classA)).find((t) => t.id === id)!;
    expect(seen.messages.map((m) => m.body)).toEqual(["Ертең экскурсия.", "Рақмет!"]);
  });

  it("a message about one student is seen only by that student's parents", async () => {
    const { id } = await startThread(teacher, {
      classGroupId: classA,
      studentId: aruzhan,
      body: "Аружан бүгін жақсы жауап берді.",
    });
    expect((await childThreads(parent, aruzhan)).map((t) => t.id)).toContain(id);
    expect((await childThreads(parent2, otherChild)).map((t) => t.id)).not.toContain(id);
    // parent B replying by id is refused (IDOR), nothing written
    const before = await prisma.diaryMessage.count();
    expect((await refusal(reply(parent2, { threadId: id, body: "?" }))).fieldErrors.threadId).toBe(
      "diary.threadUnknown",
    );
    expect(await prisma.diaryMessage.count()).toBe(before);
  });

  it("refuses a teacher of another class and a student of another class", async () => {
    expect((await refusal(startThread(teacher2, { classGroupId: classA, body: "x" }))).code).toBe("forbidden");
    const otherClassStudent = (
      await prisma.classEnrolment.findFirstOrThrow({ where: { classGroupId: { not: classA } } })
    ).studentId;
    expect(
      (await refusal(startThread(teacher, { classGroupId: classA, studentId: otherClassStudent, body: "x" })))
        .fieldErrors.studentId,
    ).toBe("diary.notEnrolled");
    expect(await classThreads(teacher2, classA)).toEqual([]);
    expect((await refusal(startThread(parent, { classGroupId: classA, body: "x" }))).code).toBe("forbidden");
  });

  it("a parent starts a conversation about their own child; the class's teachers read it and are notified", async () => {
    const before = await prisma.notification.count({ where: { userId: "u_teacher", kind: "diary_message" } });
    const { id } = await startFamilyThread(parent, { studentId: aruzhan, body: "Ертең дәрігерге барамыз." });
    expect((await classThreads(teacher, classA)).find((t) => t.id === id)?.messages[0]?.body).toBe(
      "Ертең дәрігерге барамыз.",
    );
    expect((await childThreads(parent, aruzhan)).map((t) => t.id)).toContain(id);
    expect((await childThreads(parent2, otherChild)).map((t) => t.id)).not.toContain(id);
    expect(await prisma.notification.count({ where: { userId: "u_teacher", kind: "diary_message" } })).toBe(before + 1);
    // another family's child, and anyone but a parent, is refused (nothing written)
    const threads = await prisma.diaryThread.count();
    expect((await refusal(startFamilyThread(parent2, { studentId: aruzhan, body: "x" }))).code).toBe("forbidden");
    expect((await refusal(startFamilyThread(teacher, { studentId: aruzhan, body: "x" }))).code).toBe("forbidden");
    expect(await prisma.diaryThread.count()).toBe(threads);
  });
});
