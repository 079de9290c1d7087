/**
 * The e-diary's notifications to families, created through `createNotifications` (so in the portal, and by
 * mail as each person chose for the "diary" topic), in the transaction of the journal change that causes them:
 * - an absence alert to the parents of a pupil newly marked absent without excuse: once per pupil and school
 *   day (a dedupe key per parent, pupil and day), however many lessons of the day are marked;
 * - "term grades published" to the parents and the pupil's own account when a teacher confirms a term.
 * The pupil's name is in the payload: only the pupil's parents (and the pupil) receive these.
 */
import type { Prisma } from "../generated/prisma/client";
import { createNotifications, type NewNotification } from "../notifications/create";
import type { DiaryNotificationKind } from "./notifications";

type Tx = Prisma.TransactionClient;

const fullName = (p: { lastName: string; firstName: string }) => `${p.firstName} ${p.lastName}`;

/** The parents of each pupil, and (with `pupils`) the pupil's own active accounts. */
async function familyOf(tx: Tx, studentIds: string[], pupils: boolean): Promise<Map<string, string[]>> {
  const [parents, own] = await Promise.all([
    tx.guardianship.findMany({
      where: { studentId: { in: studentIds }, user: { active: true } },
      select: { studentId: true, userId: true },
    }),
    pupils
      ? tx.user.findMany({
          where: { personId: { in: studentIds }, active: true },
          select: { id: true, personId: true },
        })
      : Promise.resolve([]),
  ]);
  const out = new Map<string, string[]>();
  const add = (studentId: string, userId: string) => {
    const list = out.get(studentId) ?? [];
    if (!list.includes(userId)) list.push(userId);
    out.set(studentId, list);
  };
  for (const g of parents) add(g.studentId, g.userId);
  for (const u of own) add(u.personId!, u.id);
  return out;
}

/** Absence alerts for pupils newly absent (unexcused) on the given school days ("YYYY-MM-DD"). */
export async function notifyAbsences(
  tx: Tx,
  organizationId: string,
  absences: readonly { studentId: string; date: string }[],
): Promise<number> {
  if (!absences.length) return 0;
  const studentIds = [...new Set(absences.map((a) => a.studentId))];
  const [family, people] = await Promise.all([
    familyOf(tx, studentIds, false),
    tx.person.findMany({ where: { id: { in: studentIds } }, select: { id: true, firstName: true, lastName: true } }),
  ]);
  const names = new Map(people.map((p) => [p.id, fullName(p)]));
  const seen = new Set<string>();
  const rows: NewNotification[] = [];
  for (const { studentId, date } of absences) {
    if (seen.has(`${studentId}:${date}`)) continue;
    seen.add(`${studentId}:${date}`);
    for (const userId of family.get(studentId) ?? [])
      rows.push({
        userId,
        organizationId,
        kind: "diary_absence" satisfies DiaryNotificationKind,
        payload: { studentId, student: names.get(studentId) ?? "", date },
        dedupeKey: `diary.absence:${studentId}:${date}:${userId}`,
      });
  }
  return createNotifications(tx, rows);
}

/** "Term grades published" for the pupils given a confirmed grade of a class, subject and term. */
export async function notifyTermGrades(
  tx: Tx,
  organizationId: string,
  key: { classGroupId: string; subjectId: string; termId: string },
  studentIds: readonly string[],
): Promise<number> {
  if (!studentIds.length) return 0;
  const ids = [...new Set(studentIds)];
  const [family, people, subject, term] = await Promise.all([
    familyOf(tx, ids, true),
    tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } }),
    tx.classifierItem.findUniqueOrThrow({
      where: { id: key.subjectId },
      select: { nameKk: true, nameRu: true, nameEn: true },
    }),
    tx.term.findUniqueOrThrow({ where: { id: key.termId }, select: { number: true } }),
  ]);
  const names = new Map(people.map((p) => [p.id, fullName(p)]));
  const rows: NewNotification[] = [];
  for (const studentId of ids)
    for (const userId of family.get(studentId) ?? [])
      rows.push({
        userId,
        organizationId,
        kind: "diary_term_grades" satisfies DiaryNotificationKind,
        payload: {
          studentId,
          student: names.get(studentId) ?? "",
          term: term.number,
          subjectKk: subject.nameKk,
          subjectRu: subject.nameRu,
          subjectEn: subject.nameEn,
        },
        dedupeKey: `diary.termGrades:${key.termId}:${key.subjectId}:${studentId}:${userId}`,
      });
  return createNotifications(tx, rows);
}
