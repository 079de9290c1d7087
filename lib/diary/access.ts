/**
 * Who sees what in the e-diary, as Prisma `where` fragments (ownership goes into the query):
 * teachers the classes they teach (homeroom teachers their whole class), school administrators their
 * school, parents their own children, students themselves.
 */
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { authorizeViewer } from "../auth/access";

const nothing = { id: { in: [] as string[] } };

function orgsOf(viewer: Viewer, role: Viewer["roles"][number]["role"]): string[] {
  return [...new Set(viewer.roles.filter((r) => r.role === role && r.organizationId).map((r) => r.organizationId!))];
}

/** Classes whose journal the viewer may read. */
export function classReadWhere(viewer: Viewer): Prisma.ClassGroupWhereInput {
  authorizeViewer(viewer, "diary.read");
  const or: Prisma.ClassGroupWhereInput[] = [nothing];
  const teacherOrgs = orgsOf(viewer, "TEACHER");
  if (teacherOrgs.length) {
    or.push({
      organizationId: { in: teacherOrgs },
      OR: [{ homeroomTeacherId: viewer.userId }, { assignments: { some: { teacherId: viewer.userId } } }],
    });
  }
  const schools = orgsOf(viewer, "ORG_ADMIN");
  if (schools.length) or.push({ organizationId: { in: schools } });
  return { OR: or };
}

/** Teaching assignments through which the viewer writes a journal (teachers only). */
export function assignmentWriteWhere(viewer: Viewer): Prisma.TeachingAssignmentWhereInput {
  authorizeViewer(viewer, "diary.teach");
  return { teacherId: viewer.userId, organizationId: { in: orgsOf(viewer, "TEACHER") } };
}

/** Students whose diary the viewer may read. */
export function studentWhere(viewer: Viewer): Prisma.PersonWhereInput {
  authorizeViewer(viewer, "diary.read");
  const or: Prisma.PersonWhereInput[] = [nothing];
  if (orgsOf(viewer, "STUDENT").length) or.push({ users: { some: { id: viewer.userId } } });
  if (orgsOf(viewer, "PARENT").length) or.push({ guardians: { some: { userId: viewer.userId } } });
  const teacherOrgs = orgsOf(viewer, "TEACHER");
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
  const schools = orgsOf(viewer, "ORG_ADMIN");
  if (schools.length) or.push({ enrolments: { some: { organizationId: { in: schools } } } });
  return { OR: or };
}

/** The viewer's own children (parents) or the viewer (students): who may download everything about a child. */
export function familyWhere(viewer: Viewer): Prisma.PersonWhereInput {
  authorizeViewer(viewer, "diary.read");
  const or: Prisma.PersonWhereInput[] = [nothing];
  if (orgsOf(viewer, "STUDENT").length) or.push({ users: { some: { id: viewer.userId } } });
  if (orgsOf(viewer, "PARENT").length) or.push({ guardians: { some: { userId: viewer.userId } } });
  return { OR: or };
}

/** Whether the viewer keeps a journal at all (the menu shows the journal link). */
export function isTeacher(viewer: Viewer): boolean {
  return orgsOf(viewer, "TEACHER").length > 0;
}
