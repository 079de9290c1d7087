/**
 * Who sees what in the e-diary, as Prisma `where` fragments (ownership goes into the query):
 * teachers the classes they teach (homeroom teachers their whole class), school administrators their
 * school, parents their own children, students themselves.
 */
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { organizationsWith, type Viewer } from "../auth/scope";
import { authorizeViewer } from "../auth/access";

const nothing = { id: { in: [] as string[] } };

/** Schools where the viewer teaches (`diary.teach`) or keeps the school (`diary.manage`). */
const taughtOrgs = (viewer: Viewer) => organizationsWith(viewer, "diary.teach");
const managedOrgs = (viewer: Viewer) => organizationsWith(viewer, "diary.manage");

/** Classes whose journal the viewer may read. */
export function classReadWhere(viewer: Viewer): Prisma.ClassGroupWhereInput {
  authorizeViewer(viewer, "diary.read");
  const or: Prisma.ClassGroupWhereInput[] = [nothing];
  const teacherOrgs = taughtOrgs(viewer);
  if (teacherOrgs.length) {
    or.push({
      organizationId: { in: teacherOrgs },
      OR: [{ homeroomTeacherId: viewer.userId }, { assignments: { some: { teacherId: viewer.userId } } }],
    });
  }
  const schools = managedOrgs(viewer);
  if (schools.length) or.push({ organizationId: { in: schools } });
  return { OR: or };
}

/** Teaching assignments through which the viewer writes a journal (teachers only). */
export function assignmentWriteWhere(viewer: Viewer): Prisma.TeachingAssignmentWhereInput {
  authorizeViewer(viewer, "diary.teach");
  return { teacherId: viewer.userId, organizationId: { in: taughtOrgs(viewer) } };
}

/** Students whose diary the viewer may read. */
export function studentWhere(viewer: Viewer): Prisma.PersonWhereInput {
  authorizeViewer(viewer, "diary.read");
  const or: Prisma.PersonWhereInput[] = [nothing];
  if (organizationsWith(viewer, "diary.self").length) or.push({ users: { some: { id: viewer.userId } } });
  if (organizationsWith(viewer, "diary.family").length) or.push({ guardians: { some: { userId: viewer.userId } } });
  const teacherOrgs = taughtOrgs(viewer);
  if (teacherOrgs.length) {
    or.push({
      enrolments: {
        some: {
          organizationId: { in: teacherOrgs },
          classGroup: {
            OR: [{ homeroomTeacherId: viewer.userId }, { assignments: { some: { teacherId: viewer.userId } } }],
          },
        },
      },
    });
  }
  const schools = managedOrgs(viewer);
  if (schools.length) or.push({ enrolments: { some: { organizationId: { in: schools } } } });
  return { OR: or };
}

/** The viewer's own children (parents) or the viewer (students): who may download everything about a child. */
export function familyWhere(viewer: Viewer): Prisma.PersonWhereInput {
  authorizeViewer(viewer, "diary.read");
  const or: Prisma.PersonWhereInput[] = [nothing];
  if (organizationsWith(viewer, "diary.self").length) or.push({ users: { some: { id: viewer.userId } } });
  if (organizationsWith(viewer, "diary.family").length) or.push({ guardians: { some: { userId: viewer.userId } } });
  return { OR: or };
}

/** Whether the viewer keeps a journal at all (the menu shows the journal link). */
export function isTeacher(viewer: Viewer): boolean {
  return taughtOrgs(viewer).length > 0;
}
