/**
 * Teacher–parent messages: a teacher of a class writes to the parents of the whole class or of one
 * student; those parents read and reply in the diary. Who may see a thread is part of every query:
 * teachers the threads of the classes they teach (homeroom: whole class), parents the threads of their
 * children's classes (class-wide) and of their own children.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import { holds, organizationsWith, type Viewer } from "../auth/scope";
import { classReadWhere } from "./access";
import type { DiaryNotificationKind } from "./notifications";
import { createNotifications } from "../notifications/create";

const nothing = { id: { in: [] as string[] } };

/** Threads the viewer may read and answer. */
export function threadWhere(viewer: Viewer): Prisma.DiaryThreadWhereInput {
  authorizeViewer(viewer, "diary.read");
  const or: Prisma.DiaryThreadWhereInput[] = [nothing];
  const teacherOrgs = organizationsWith(viewer, "diary.teach");
  if (teacherOrgs.length) {
    or.push({
      classGroup: {
        organizationId: { in: teacherOrgs },
        OR: [{ homeroomTeacherId: viewer.userId }, { assignments: { some: { teacherId: viewer.userId } } }],
      },
    });
  }
  if (holds(viewer, "diary.family")) {
    or.push({ student: { guardians: { some: { userId: viewer.userId } } } });
    or.push({
      studentId: null,
      classGroup: { enrolments: { some: { student: { guardians: { some: { userId: viewer.userId } } } } } },
    });
  }
  return { OR: or };
}

export interface ThreadView {
  id: string;
  student: { id: string; name: string } | null;
  createdBy: string;
  messages: { id: string; author: string; mine: boolean; body: string; at: string }[];
}

async function threads(viewer: Viewer, where: Prisma.DiaryThreadWhereInput, take = 30): Promise<ThreadView[]> {
  const rows = await prisma.diaryThread.findMany({
    where: { AND: [where, threadWhere(viewer)] },
    orderBy: { lastMessageAt: "desc" },
    take,
    include: {
      student: { select: { id: true, lastName: true, firstName: true } },
      createdBy: { select: { displayName: true } },
      messages: {
        orderBy: { createdAt: "asc" },
        take: 50,
        include: { author: { select: { id: true, displayName: true } } },
      },
    },
  });
  return rows.map((t) => ({
    id: t.id,
    student: t.student ? { id: t.student.id, name: `${t.student.lastName} ${t.student.firstName}` } : null,
    createdBy: t.createdBy.displayName,
    messages: t.messages.map((m) => ({
      id: m.id,
      author: m.author.displayName,
      mine: m.author.id === viewer.userId,
      body: m.body,
      at: m.createdAt.toISOString(),
    })),
  }));
}

/** The threads of a class, for its teachers. */
export function classThreads(viewer: Viewer, classGroupId: string): Promise<ThreadView[]> {
  return threads(viewer, { classGroupId });
}

/** The threads a parent sees about a child: the child's own and those of the child's classes. */
export function childThreads(viewer: Viewer, studentId: string): Promise<ThreadView[]> {
  return threads(viewer, {
    OR: [{ studentId }, { studentId: null, classGroup: { enrolments: { some: { studentId } } } }],
  });
}

/** A teacher starts a conversation with the parents of a class or of one student of it. */
export async function startThread(
  viewer: Viewer,
  input: { classGroupId: string; studentId?: string; body: string },
): Promise<{ id: string }> {
  authorizeViewer(viewer, "diary.teach");
  return prisma.$transaction(async (tx) => {
    const classGroup = await tx.classGroup.findFirst({
      where: { AND: [{ id: input.classGroupId }, classReadWhere(viewer)] },
    });
    if (!classGroup || !organizationsWith(viewer, "diary.teach").includes(classGroup.organizationId))
      throw new AppError("forbidden", { classGroupId: "diary.notYourClass" });
    if (
      input.studentId &&
      !(await tx.classEnrolment.count({ where: { classGroupId: classGroup.id, studentId: input.studentId } }))
    ) {
      throw new AppError("validation", { studentId: "diary.notEnrolled" });
    }
    const now = new Date();
    const thread = await tx.diaryThread.create({
      data: {
        organizationId: classGroup.organizationId,
        classGroupId: classGroup.id,
        studentId: input.studentId || null,
        createdById: viewer.userId,
        createdAt: now,
        lastMessageAt: now,
      },
    });
    await tx.diaryMessage.create({
      data: {
        organizationId: classGroup.organizationId,
        threadId: thread.id,
        authorId: viewer.userId,
        body: input.body,
        createdAt: now,
      },
    });
    const parents = await tx.guardianship.findMany({
      where: input.studentId
        ? { studentId: input.studentId }
        : { student: { enrolments: { some: { classGroupId: classGroup.id } } } },
      select: { userId: true },
      distinct: ["userId"],
    });
    if (parents.length) {
      await createNotifications(
        tx,
        parents.map((p) => ({
          userId: p.userId,
          organizationId: classGroup.organizationId,
          kind: "diary_message" satisfies DiaryNotificationKind,
          payload: { threadId: thread.id },
        })),
      );
    }
    return { id: thread.id };
  });
}

/**
 * A parent starts a conversation about their own child with the teachers of the child's current class (its
 * homeroom teacher and those who teach it); they are notified and answer in the journal.
 */
export async function startFamilyThread(
  viewer: Viewer,
  input: { studentId: string; body: string },
): Promise<{ id: string }> {
  authorizeViewer(viewer, "diary.family");
  return prisma.$transaction(async (tx) => {
    const enrolment = await tx.classEnrolment.findFirst({
      where: {
        studentId: input.studentId,
        endedOn: null,
        student: { guardians: { some: { userId: viewer.userId } } },
      },
      orderBy: { academicYear: { startDate: "desc" } },
      include: { classGroup: { include: { assignments: { select: { teacherId: true } } } } },
    });
    if (!enrolment) throw new AppError("forbidden", { studentId: "diary.notYourChild" });
    const classGroup = enrolment.classGroup;
    const now = new Date();
    const thread = await tx.diaryThread.create({
      data: {
        organizationId: classGroup.organizationId,
        classGroupId: classGroup.id,
        studentId: input.studentId,
        createdById: viewer.userId,
        createdAt: now,
        lastMessageAt: now,
      },
    });
    await tx.diaryMessage.create({
      data: {
        organizationId: classGroup.organizationId,
        threadId: thread.id,
        authorId: viewer.userId,
        body: input.body,
        createdAt: now,
      },
    });
    const teachers = new Set(
      [classGroup.homeroomTeacherId, ...classGroup.assignments.map((a) => a.teacherId)].filter(
        (id): id is string => Boolean(id) && id !== viewer.userId,
      ),
    );
    if (teachers.size) {
      await createNotifications(
        tx,
        [...teachers].map((userId) => ({
          userId,
          organizationId: classGroup.organizationId,
          kind: "diary_message" satisfies DiaryNotificationKind,
          payload: { threadId: thread.id },
        })),
      );
    }
    return { id: thread.id };
  });
}

/** A reply by anyone who sees the thread (its teachers, the parents concerned). */
export async function reply(viewer: Viewer, input: { threadId: string; body: string }): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const thread = await tx.diaryThread.findFirst({ where: { AND: [{ id: input.threadId }, threadWhere(viewer)] } });
    if (!thread) throw new AppError("forbidden", { threadId: "diary.threadUnknown" });
    const now = new Date();
    const message = await tx.diaryMessage.create({
      data: {
        organizationId: thread.organizationId,
        threadId: thread.id,
        authorId: viewer.userId,
        body: input.body,
        createdAt: now,
      },
    });
    await tx.diaryThread.update({ where: { id: thread.id }, data: { lastMessageAt: now } });
    return { id: message.id };
  });
}
