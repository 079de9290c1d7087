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
import { authorizeViewer } from "../auth/access";
import { recordAudit } from "../audit";
import { almatyDate } from "../time";
import { addDays, dateValue, dayOf } from "../diary/dates";
import { inForce } from "../staff/staff";
import { coerceValue, definitionSchema, valueSlots, type FormDefinition, type Scalar } from "./definition";
import { loadEntry, writeDraft, type SavedDraft } from "./entry";
import {
  countEmployees,
  mappingSchema,
  type Mapping,
  type MappingSave,
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
  return (await staffRowsOf([organizationId], day, db)).get(organizationId) ?? [];
}

/** The registry's appointments in force on a day at each of several organisations (one query), by organisation. */
export async function staffRowsOf(organizationIds: string[], day: string, db: Db = prisma) {
  const rows = await db.appointment.findMany({
    where: { organizationId: { in: organizationIds }, ...inForce(day) },
    select: {
      organizationId: true,
      employeeId: true,
      kind: true,
      position: { select: { code: true } },
      employee: {
        select: { category: true, higherEducation: true, person: { select: { sex: true, birthDate: true } } },
      },
    },
  });
  const byOrganization = new Map<string, StaffRow[]>();
  for (const r of rows) {
    const list = byOrganization.get(r.organizationId) ?? [];
    list.push({
      employeeId: r.employeeId,
      positionCode: r.position.code,
      kind: r.kind,
      category: r.employee.category,
      higherEducation: r.employee.higherEducation,
      sex: r.employee.person.sex,
      birthDate: dayOf(r.employee.person.birthDate),
    });
    byOrganization.set(r.organizationId, list);
  }
  return byOrganization;
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

/**
 * The position codes of the vacancies open on a day at each of several organisations (one query), by
 * organisation: the same vacancies `openVacancies` counts, for a territory's prefill.
 */
export async function openVacanciesOf(organizationIds: string[], day: string, db: Db = prisma) {
  const end = dateValue(addDays(day, 1));
  const rows = await db.vacancy.findMany({
    where: {
      organizationId: { in: organizationIds },
      createdAt: { lt: end },
      OR: [{ status: "OPEN" }, { closedAt: { gte: end } }],
    },
    select: { organizationId: true, position: { select: { code: true } } },
  });
  const byOrganization = new Map<string, string[]>();
  for (const r of rows)
    byOrganization.set(r.organizationId, [...(byOrganization.get(r.organizationId) ?? []), r.position.code]);
  return byOrganization;
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
  /**
   * What the caller has read already for a batch of organisations (a territory's prefill): the organisation's
   * staff rows in force, and the position codes of its open vacancies.
   */
  preloaded?: { staff: StaffRow[]; vacancies: string[] },
): Promise<PrefillRecord> {
  const slots = new Map(valueSlots(definition).map((s) => [s.key, s]));
  const needsStaff = mappings.some((m) => m.source === "STAFF" && m.measure === "employees");
  const needsPassport = mappings.some((m) => m.source === "PASSPORT");
  const at = day >= almatyDate(now) ? now : dateValue(addDays(day, 1));
  const [rows, passport] = await Promise.all([
    needsStaff
      ? preloaded
        ? Promise.resolve(preloaded.staff)
        : staffRows(organizationId, day, db)
      : Promise.resolve([]),
    needsPassport ? passportFigures(organizationId, at, db) : Promise.resolve(null),
  ]);
  const cells: PrefillRecord["cells"] = {};
  for (const m of mappings) {
    let figure: number | boolean | null;
    if (m.source === "STAFF")
      figure =
        m.measure === "employees"
          ? countEmployees(rows, m.params, day)
          : preloaded
            ? preloaded.vacancies.filter((code) => !m.params.positions || m.params.positions.includes(code)).length
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

// ───────────────────────── The ministry's mappings ─────────────────────────

/** Every mapping, by form code and cell (the ministry's page). */
export async function listMappings(viewer: Viewer) {
  authorizeViewer(viewer, "reporting.design");
  return prisma.prefillMapping.findMany({ orderBy: [{ formCode: "asc" }, { cellKey: "asc" }], take: 2000 });
}

/**
 * Adds or replaces the mapping of a form's cell: the form code must be a form's, the cell one of its
 * versions' value keys, the measure one the source offers and the parameters its own (zod), each refused
 * naming the field; one transaction with its audit entry.
 */
export async function saveMapping(viewer: Viewer, input: MappingSave): Promise<{ id: string }> {
  authorizeViewer(viewer, "reporting.design");
  let params: unknown = {};
  if (input.params) {
    try {
      params = JSON.parse(input.params);
    } catch {
      throw new AppError("validation", { params: "reporting.prefill.paramsJson" });
    }
  }
  const parsed = mappingSchema.safeParse({
    source: input.source,
    cellKey: input.cellKey,
    measure: input.measure,
    params,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "measure");
    throw new AppError("validation", {
      [field === "params" ? "params" : "measure"]:
        field === "params" ? "reporting.prefill.params" : "reporting.prefill.measure",
    });
  }
  return prisma.$transaction(async (tx) => {
    const versions = await tx.formVersion.findMany({
      where: { form: { code: input.formCode } },
      select: { definition: true },
      orderBy: { createdAt: "desc" },
      take: 20,
    });
    if (!versions.length) throw new AppError("validation", { formCode: "reporting.prefill.unknownForm" });
    const keys = new Set(
      versions.flatMap((v) => {
        const def = definitionSchema.safeParse(v.definition);
        return def.success ? valueSlots(def.data).map((s) => s.key) : [];
      }),
    );
    if (!keys.has(parsed.data.cellKey)) throw new AppError("validation", { cellKey: "reporting.prefill.unknownCell" });
    const key = { formCode: input.formCode, cellKey: parsed.data.cellKey };
    const before = await tx.prefillMapping.findUnique({ where: { formCode_cellKey: key } });
    const data = {
      source: parsed.data.source,
      measure: parsed.data.measure,
      params: parsed.data.params as Prisma.InputJsonValue,
    };
    const saved = await tx.prefillMapping.upsert({
      where: { formCode_cellKey: key },
      create: { ...key, ...data },
      update: data,
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: before ? "update" : "create",
      entity: "PrefillMapping",
      entityId: saved.id,
      before,
      after: { ...key, ...data },
    });
    return { id: saved.id };
  });
}

/** Removes a mapping (the cell is then typed by the organisations). */
export async function deleteMapping(viewer: Viewer, input: { id: string }): Promise<void> {
  authorizeViewer(viewer, "reporting.design");
  await prisma.$transaction(async (tx) => {
    const before = await tx.prefillMapping.findUnique({ where: { id: input.id } });
    if (!before) throw new AppError("notFound");
    await tx.prefillMapping.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "delete",
      entity: "PrefillMapping",
      entityId: before.id,
      before,
    });
  });
}
