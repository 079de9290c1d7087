/**
 * The one prefill of statistical forms (issues 24 and 25): the cells of a form, by form code and value key,
 * are mapped (the `PrefillMapping` table, data the ministry keeps) to a query of a source — the personnel
 * registry (persons with appointments in force at the report's reference date, counted by position,
 * category, sex, age band, main/part-time, education; open vacancies) or the organisation passport
 * (confirmed buildings and the profile in force then). "Fill from the registry and passport" on a draft
 * computes the mapped cells for the organisation, writes them into its draft (through the same draft write
 * as autosave and upload: the viewer's right to fill this organisation's report, the period open, the
 * optimistic version) and records each prefilled cell's figure and source with the time and reference date,
 * so the page marks them and shows the source's figure beside a value the school has changed.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { almatyDate } from "../time";
import { addDays, dateValue, dayOf } from "../diary/dates";
import { inForce } from "../staff/staff";
import { coerceValue, valueSlots, type FormDefinition, type Scalar } from "./definition";
import { loadEntry, writeDraft, type SavedDraft } from "./entry";
import {
  countEmployees,
  mappingSchema,
  type Mapping,
  type PassportMeasure,
  type PrefillRecord,
  type StaffRow,
} from "./prefill-rules";

type Db = Prisma.TransactionClient | typeof prisma;

/** The mappings of a form code that fit a definition (cells the definition has, rows that parse). */
export async function mappingsFor(formCode: string, definition: FormDefinition, db: Db = prisma): Promise<Mapping[]> {
  const rows = await db.prefillMapping.findMany({
    where: { formCode },
    select: { source: true, cellKey: true, measure: true, params: true },
    orderBy: { cellKey: "asc" },
  });
  const keys = new Set(valueSlots(definition).map((s) => s.key));
  const out: Mapping[] = [];
  for (const row of rows) {
    const parsed = mappingSchema.safeParse(row);
    if (parsed.success && keys.has(parsed.data.cellKey)) out.push(parsed.data);
  }
  return out;
}

/** The day the registry and passport are read at: the period's last day, or today while it lasts. */
export function referenceDate(period: { endsOn: Date }, now = new Date()): string {
  const end = dayOf(period.endsOn);
  const today = almatyDate(now);
  return end < today ? end : today;
}

async function staffRows(organizationId: string, day: string, db: Db): Promise<StaffRow[]> {
  const rows = await db.appointment.findMany({
    where: { organizationId, ...inForce(day) },
    select: {
      employeeId: true,
      kind: true,
      position: { select: { code: true } },
      employee: {
        select: { category: true, higherEducation: true, person: { select: { sex: true, birthDate: true } } },
      },
    },
  });
  return rows.map((r) => ({
    employeeId: r.employeeId,
    positionCode: r.position.code,
    kind: r.kind,
    category: r.employee.category,
    higherEducation: r.employee.higherEducation,
    sex: r.employee.person.sex,
    birthDate: dayOf(r.employee.person.birthDate),
  }));
}

async function openVacancies(organizationId: string, day: string, positions: string[] | undefined, db: Db) {
  const end = dateValue(addDays(day, 1));
  return db.vacancy.count({
    where: {
      organizationId,
      createdAt: { lt: end },
      OR: [{ status: "OPEN" }, { closedAt: { gte: end } }],
      ...(positions ? { position: { code: { in: positions } } } : {}),
    },
  });
}

/** The passport's figures in force at an instant (null: the passport says nothing). */
async function passportFigures(organizationId: string, at: Date, db: Db) {
  const valid = { validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] };
  const [buildings, profile] = await Promise.all([
    db.passportBuilding.findMany({ where: { organizationId, status: "CONFIRMED", ...valid } }),
    db.passportProfile.findFirst({ where: { organizationId, ...valid }, orderBy: { validFrom: "desc" } }),
  ]);
  const sum = (f: (b: (typeof buildings)[number]) => number) =>
    buildings.length ? buildings.reduce((n, b) => n + f(b), 0) : null;
  const any = (f: (b: (typeof buildings)[number]) => boolean) => (buildings.length ? buildings.some(f) : null);
  const figures: Record<PassportMeasure, number | boolean | null> = {
    capacity: sum((b) => b.capacity),
    buildings: buildings.length || null,
    oldestYearBuilt: buildings.length ? Math.min(...buildings.map((b) => b.yearBuilt)) : null,
    gym: any((b) => b.gym),
    assemblyHall: any((b) => b.assemblyHall),
    library: any((b) => b.library),
    canteenSeats: sum((b) => b.canteenSeats),
    scienceRooms: sum((b) => b.scienceRooms),
    computerRooms: sum((b) => b.computerRooms),
    boardingPlaces: sum((b) => b.boardingPlaces),
    enrolment: profile?.enrolment ?? null,
    shifts: profile?.shifts ?? null,
    computers: profile?.computers ?? null,
    boards: profile?.boards ?? null,
    internet: profile ? profile.internet !== "NONE" : null,
    internetMbps: profile?.internetMbps ?? null,
    wifiClassrooms: profile?.wifiClassrooms ?? null,
    buses: profile?.buses ?? null,
    pupilsCarried: profile?.pupilsCarried ?? null,
  };
  return figures;
}

/**
 * The figures of the mapped cells for an organisation on a reference date, typed as the cells take them
 * (a figure the cell refuses, e.g. outside its bounds, is left out: the school types it). No access check:
 * callers check it (prefillDraft through the draft's context, the benchmark for a territory).
 */
export async function computePrefill(
  organizationId: string,
  definition: FormDefinition,
  mappings: Mapping[],
  day: string,
  now = new Date(),
  db: Db = prisma,
): Promise<PrefillRecord> {
  const slots = new Map(valueSlots(definition).map((s) => [s.key, s]));
  const needsStaff = mappings.some((m) => m.source === "STAFF" && m.measure === "employees");
  const needsPassport = mappings.some((m) => m.source === "PASSPORT");
  const at = day >= almatyDate(now) ? now : dateValue(addDays(day, 1));
  const [rows, passport] = await Promise.all([
    needsStaff ? staffRows(organizationId, day, db) : Promise.resolve([]),
    needsPassport ? passportFigures(organizationId, at, db) : Promise.resolve(null),
  ]);
  const cells: PrefillRecord["cells"] = {};
  for (const m of mappings) {
    let figure: number | boolean | null;
    if (m.source === "STAFF")
      figure =
        m.measure === "employees"
          ? countEmployees(rows, m.params, day)
          : await openVacancies(organizationId, day, m.params.positions, db);
    else figure = passport?.[m.measure] ?? null;
    if (figure === null) continue;
    const slot = slots.get(m.cellKey);
    if (!slot) continue;
    const typed = coerceValue(slot, typeof figure === "boolean" && slot.type !== "boolean" ? Number(figure) : figure);
    if ("problem" in typed || typed.value === null) continue;
    cells[m.cellKey] = { source: m.source, value: typed.value as number | boolean };
  }
  return { at: now.toISOString(), referenceDate: day, cells };
}

/**
 * Fills the mapped cells of the organisation's draft from the registry and the passport (other cells and
 * the comments stay), creating the draft when there is none. Refused like any draft write: another
 * organisation's report, a report handed over or a closed period, a stale version; and when the form has no
 * mapping.
 */
export async function prefillDraft(
  viewer: Viewer,
  input: { periodId: string; organizationId: string; version: number },
  now = new Date(),
): Promise<SavedDraft & { values: Record<string, Scalar>; prefill: PrefillRecord }> {
  const ctx0 = await loadEntry(viewer, input.periodId, input.organizationId);
  if (!ctx0.editable)
    throw new AppError("conflict", {
      periodId: ctx0.period.closedAt ? "reporting.periodClosed" : "reporting.notEditable",
    });
  const mappings = await mappingsFor(ctx0.period.form.code, ctx0.version.definition);
  if (!mappings.length) throw new AppError("validation", { periodId: "reporting.prefill.noMapping" });
  const record = await computePrefill(
    input.organizationId,
    ctx0.version.definition,
    mappings,
    referenceDate(ctx0.period, now),
    now,
  );
  let values: Record<string, Scalar> = {};
  const { submission } = await writeDraft(viewer, input, (ctx) => {
    if (ctx.version.id !== ctx0.version.id) throw new AppError("stale");
    const current = (ctx.submission?.values ?? {}) as Record<string, Scalar>;
    values = { ...current };
    for (const [key, cell] of Object.entries(record.cells)) values[key] = cell.value;
    return { values, comments: null, prefill: record as unknown as Prisma.InputJsonValue };
  });
  return {
    submission: {
      id: submission.id,
      version: submission.version,
      status: submission.status,
      updatedAt: submission.updatedAt,
    },
    problems: [],
    values,
    prefill: record,
  };
}
