/**
 * What the historical marks and attendance targets share: a pupil found by IIN and placed in the class they
 * were in on a row's date (their enrolment of the academic year holding it, within its start and end) and
 * the term holding the date. The class's school must be inside the importer's scope; a pupil outside it is
 * refused as out of scope, never described.
 */
import { organizationInScope, type Scope } from "../../auth/scope";
import { parseIin } from "../../identity";
import type { Db } from "./types";

export interface Placed {
  studentId: string;
  organizationId: string;
  classGroupId: string;
  termId: string;
}

export type Placement =
  { ok: true; placed: Placed } | { ok: false; field: string; reason: string; params?: Record<string, string> };

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A row's date as yyyy-mm-dd, checked: a real day, not after today. */
export function checkDay(text: string, today: string): { ok: true } | { ok: false; reason: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || day(new Date(`${text}T00:00:00Z`)) !== text)
    return { ok: false, reason: "diary.date" };
  if (text > today) return { ok: false, reason: "diary.futureLesson" };
  return { ok: true };
}

/** An IIN's problem as a message key (its check digit, century, birth date), or null when it is valid. */
export function iinProblem(iin: string): string | null {
  const parsed = parseIin(iin);
  return parsed.ok ? null : `iin.${parsed.problem}`;
}

/** Each row's pupil placed in their class and term on its date (rows with valid IINs and dates only). */
export async function placePupils(
  db: Db,
  scope: Scope,
  rows: readonly { line: number; iin: string; date: string }[],
): Promise<Map<number, Placement>> {
  const people = rows.length
    ? await db.person.findMany({
        where: { iin: { in: [...new Set(rows.map((r) => r.iin))] } },
        select: {
          id: true,
          iin: true,
          organizationId: true,
          organization: { select: { territory: { select: { path: true } } } },
          enrolments: {
            select: {
              organizationId: true,
              classGroupId: true,
              startedOn: true,
              endedOn: true,
              organization: { select: { territory: { select: { path: true } } } },
              academicYear: {
                select: {
                  startDate: true,
                  endDate: true,
                  terms: { select: { id: true, startDate: true, endDate: true } },
                },
              },
            },
          },
        },
      })
    : [];
  const byIin = new Map(people.map((p) => [p.iin, p]));
  const out = new Map<number, Placement>();
  for (const row of rows) {
    const person = byIin.get(row.iin);
    if (!person) {
      out.set(row.line, { ok: false, field: "iin", reason: "import.pupilUnknown" });
      continue;
    }
    const inScope = (organizationId: string, path: string) =>
      organizationInScope(scope, { id: organizationId, territoryPath: path });
    const enrolment = person.enrolments.find(
      (e) =>
        day(e.academicYear.startDate) <= row.date &&
        row.date <= day(e.academicYear.endDate) &&
        (!e.startedOn || day(e.startedOn) <= row.date) &&
        (!e.endedOn || row.date <= day(e.endedOn)),
    );
    if (!enrolment) {
      // a pupil is described (not enrolled then) only to an importer whose scope holds them
      const known =
        scope.all ||
        (person.organizationId && inScope(person.organizationId, person.organization!.territory.path)) ||
        person.enrolments.some((e) => inScope(e.organizationId, e.organization.territory.path));
      out.set(
        row.line,
        known
          ? { ok: false, field: "date", reason: "import.notEnrolledOn", params: { date: row.date } }
          : { ok: false, field: "iin", reason: "import.outOfScope" },
      );
      continue;
    }
    if (!inScope(enrolment.organizationId, enrolment.organization.territory.path)) {
      out.set(row.line, { ok: false, field: "iin", reason: "import.outOfScope" });
      continue;
    }
    const term = enrolment.academicYear.terms.find((t) => day(t.startDate) <= row.date && row.date <= day(t.endDate));
    if (!term) {
      out.set(row.line, { ok: false, field: "date", reason: "diary.dateOutsideTerm" });
      continue;
    }
    out.set(row.line, {
      ok: true,
      placed: {
        studentId: person.id,
        organizationId: enrolment.organizationId,
        classGroupId: enrolment.classGroupId,
        termId: term.id,
      },
    });
  }
  return out;
}
