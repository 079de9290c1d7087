/**
 * The organisation passport (issue 25): buildings with what they contain, shifts, equipment, connectivity,
 * transport and open finance, kept by the organisation's admin. Buildings are versioned rows with validity
 * (`validFrom`/`validTo`, who and when); a change of capacity or condition is PENDING until the district
 * admin confirms it (one confirm step). Shifts, equipment and connectivity are versioned too and count at
 * once; budget lines are upserted per year, source, expense line and quarter. Every change writes an audit
 * entry in its transaction; the pages expire the public card's cache tag after it has committed.
 */
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import { organizationsWith, type Scope, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { dateValue } from "../diary/dates";
import { likePrefix } from "../databank/sql";
import { NAMED } from "../names";
import { refreshPassportOf } from "../databank/passport-facts";
import { almatyYear, overcrowding, perPupil, type ListKind } from "./rules";
import type { BudgetLineSave, BuildingSave, ChangeDecision, ListQuery, ProfileSave } from "./schemas";

type Tx = Prisma.TransactionClient;

const CURRENT = { status: "CONFIRMED", validTo: null } as const;

/** A budget line's history as its school and its district see it: every version, newest first, with who and when. */
const VERSIONS = {
  orderBy: { version: "desc" },
  take: 20,
  select: {
    version: true,
    planned: true,
    spent: true,
    comment: true,
    status: true,
    enteredAt: true,
    decidedAt: true,
    decisionNote: true,
    enteredBy: { select: { displayName: true } },
    decidedBy: { select: { displayName: true } },
  },
} satisfies Prisma.BudgetLine$versionsArgs;

/** The organisations whose passport the viewer keeps (their own school). */
export function ownOrganizationIds(viewer: Viewer): string[] {
  authorizeViewer(viewer, "passport.manage");
  return organizationsWith(viewer, "passport.manage");
}

function checkOwn(viewer: Viewer, organizationId: string): void {
  if (!ownOrganizationIds(viewer).includes(organizationId))
    throw new AppError("outOfScope", { organizationId: "passport.outOfScope" });
}

/** The passport as its keeper sees it: buildings in force and pending, the profile, history, a year's budget. */
export async function passportOf(viewer: Viewer, year = almatyYear()) {
  const ids = ownOrganizationIds(viewer);
  const organizationId = ids[0];
  if (!organizationId) return null;
  const [organization, buildings, profile, history, budget] = await Promise.all([
    prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { ...NAMED, bin: true } }),
    prisma.passportBuilding.findMany({
      where: { organizationId, OR: [CURRENT, { status: "PENDING" }] },
      orderBy: [{ number: "asc" }, { status: "asc" }],
    }),
    prisma.passportProfile.findFirst({ where: { organizationId, validTo: null } }),
    prisma.passportBuilding.findMany({
      where: { organizationId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        number: true,
        capacity: true,
        condition: true,
        status: true,
        validFrom: true,
        validTo: true,
        createdAt: true,
        decidedAt: true,
        createdBy: { select: { displayName: true } },
        decidedBy: { select: { displayName: true } },
      },
    }),
    prisma.budgetLine.findMany({
      where: { organizationId, year },
      orderBy: [{ source: "asc" }, { expense: "asc" }, { quarter: "asc" }],
      include: { versions: VERSIONS },
    }),
  ]);
  return { organization, buildings, profile, history, budget, year };
}

const buildingData = (input: BuildingSave) => ({
  address: input.address,
  yearBuilt: input.yearBuilt,
  capacity: input.capacity,
  floors: input.floors,
  ownership: input.ownership,
  condition: input.condition,
  inspectedOn: input.inspectedOn ? dateValue(input.inspectedOn) : null,
  inspectionDoc: input.inspectionDoc ?? null,
  accessible: input.accessible ?? false,
  gym: input.gym ?? false,
  assemblyHall: input.assemblyHall ?? false,
  library: input.library ?? false,
  canteenSeats: input.canteenSeats,
  scienceRooms: input.scienceRooms,
  computerRooms: input.computerRooms,
  boardingPlaces: input.boardingPlaces,
});

/**
 * Saves a building (a new one when `number` is empty). A new building, or a change of its capacity or
 * condition, waits for the district (PENDING; a second change before the decision replaces the pending
 * one); any other change replaces the version in force at once.
 */
export async function saveBuilding(
  viewer: Viewer,
  input: BuildingSave,
  now = new Date(),
): Promise<{ id: string; status: "PENDING" | "CONFIRMED" }> {
  checkOwn(viewer, input.organizationId);
  const data = buildingData(input);
  return prisma.$transaction(async (tx) => {
    const organizationId = input.organizationId;
    let number = input.number;
    let current = null;
    if (number !== undefined) {
      current = await tx.passportBuilding.findFirst({ where: { organizationId, number, ...CURRENT } });
      const pending = await tx.passportBuilding.findFirst({ where: { organizationId, number, status: "PENDING" } });
      if (!current && !pending) throw new AppError("notFound");
      if (pending) {
        await tx.passportBuilding.update({
          where: { id: pending.id },
          data: { ...data, createdById: viewer.userId, createdAt: now },
        });
        await audit(tx, viewer, "update", pending.id, pending, data);
        return { id: pending.id, status: "PENDING" as const };
      }
    } else {
      const last = await tx.passportBuilding.aggregate({ where: { organizationId }, _max: { number: true } });
      number = (last._max.number ?? 0) + 1;
    }
    const needsConfirmation = !current || current.capacity !== data.capacity || current.condition !== data.condition;
    if (!needsConfirmation && current) {
      await tx.passportBuilding.update({ where: { id: current.id }, data: { validTo: now } });
    }
    const created = await tx.passportBuilding.create({
      data: {
        ...data,
        organizationId,
        number,
        status: needsConfirmation ? "PENDING" : "CONFIRMED",
        validFrom: needsConfirmation ? null : now,
        createdById: viewer.userId,
        createdAt: now,
      },
    });
    await audit(tx, viewer, current ? "update" : "create", created.id, current, data);
    return { id: created.id, status: created.status as "PENDING" | "CONFIRMED" };
  });
}

async function audit(
  tx: Tx,
  viewer: Viewer,
  action: "create" | "update",
  id: string,
  before: object | null,
  after: object,
) {
  await recordAudit(tx, { actorId: viewer.userId, action, entity: "PassportBuilding", entityId: id, before, after });
}

/** Saves shifts, equipment, connectivity and transport as a new version in force from now. */
export async function saveProfile(viewer: Viewer, input: ProfileSave, now = new Date()): Promise<{ id: string }> {
  checkOwn(viewer, input.organizationId);
  const { organizationId, ...data } = input;
  return prisma.$transaction(async (tx) => {
    const before = await tx.passportProfile.findFirst({ where: { organizationId, validTo: null } });
    if (before) await tx.passportProfile.update({ where: { id: before.id }, data: { validTo: now } });
    const created = await tx.passportProfile.create({
      data: {
        organizationId,
        enrolment: data.enrolment,
        shifts: data.shifts,
        shift1Pupils: data.shift1Pupils,
        shift2Pupils: data.shift2Pupils ?? 0,
        shift3Pupils: data.shift3Pupils ?? 0,
        shift1Classes: data.shift1Classes,
        shift2Classes: data.shift2Classes ?? 0,
        shift3Classes: data.shift3Classes ?? 0,
        computers: data.computers,
        computersAge: data.computersAge,
        boards: data.boards,
        internet: data.internet,
        internetMbps: data.internetMbps,
        wifiClassrooms: data.wifiClassrooms ?? false,
        buses: data.buses,
        pupilsCarried: data.pupilsCarried,
        validFrom: now,
        createdById: viewer.userId,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: before ? "update" : "create",
      entity: "PassportProfile",
      entityId: created.id,
      before,
      after: data,
    });
    await refreshPassportOf(tx, organizationId, now);
    return { id: created.id };
  });
}

/**
 * Enters or corrects one budget line (year, source, expense line, quarter). Every entry or correction waits
 * for the district (PENDING, the one confirm step of the passport); only confirmed lines count publicly.
 */
export async function saveBudgetLine(viewer: Viewer, input: BudgetLineSave): Promise<{ id: string }> {
  checkOwn(viewer, input.organizationId);
  const key = {
    organizationId: input.organizationId,
    year: input.year,
    source: input.source,
    expense: input.expense,
    quarter: input.quarter,
  };
  const values = {
    planned: input.planned,
    spent: input.spent ?? 0,
    comment: input.comment ?? null,
    status: "PENDING" as const,
    decidedById: null,
    decidedAt: null,
    decisionNote: null,
  };
  return prisma.$transaction(async (tx) => {
    const before = await tx.budgetLine.findUnique({ where: { organizationId_year_source_expense_quarter: key } });
    const line = await tx.budgetLine.upsert({
      where: { organizationId_year_source_expense_quarter: key },
      create: { ...key, ...values, updatedById: viewer.userId },
      update: { ...values, updatedById: viewer.userId, version: { increment: 1 } },
    });
    // the line's history: this entry as its new version (a correction of a confirmed line leaves the confirmed
    // figures counting until the district confirms the correction)
    await tx.budgetLineVersion.create({
      data: {
        budgetLineId: line.id,
        version: line.version,
        planned: values.planned,
        spent: values.spent,
        comment: values.comment,
        status: "PENDING",
        enteredById: viewer.userId,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: before ? "update" : "create",
      entity: "BudgetLine",
      entityId: line.id,
      before,
      after: { ...key, ...values },
    });
    return { id: line.id };
  });
}

// ───────────────────────── The district's confirmation queue ─────────────────────────

const inScope = (scope: Scope): Prisma.OrganizationWhereInput => {
  if (scope.all) return {};
  return {
    OR: [
      ...scope.territoryPaths.map((p) => ({ territory: { path: { startsWith: p } } })),
      { id: { in: scope.organizationIds } },
    ],
  };
};

/** Pending changes of capacity or condition in the viewer's territory, each beside the version in force. */
export async function pendingChanges(viewer: Viewer) {
  const { scope } = authorizeViewer(viewer, "passport.confirm");
  const pending = await prisma.passportBuilding.findMany({
    where: { status: "PENDING", organization: inScope(scope) },
    orderBy: { createdAt: "asc" },
    take: 200,
    include: {
      organization: { select: { ...NAMED, bin: true } },
      createdBy: { select: { displayName: true } },
    },
  });
  const current = await prisma.passportBuilding.findMany({
    where: {
      ...CURRENT,
      OR: pending
        .map((p) => ({ organizationId: p.organizationId, number: p.number }))
        .concat([{ organizationId: "", number: -1 }]),
    },
    select: { organizationId: true, number: true, capacity: true, condition: true },
  });
  return pending.map((p) => ({
    ...p,
    current: current.find((c) => c.organizationId === p.organizationId && c.number === p.number) ?? null,
  }));
}

/** Budget lines entered or corrected in the viewer's territory and not yet decided. */
export async function pendingBudgetLines(viewer: Viewer) {
  const { scope } = authorizeViewer(viewer, "passport.confirm");
  return prisma.budgetLine.findMany({
    where: { status: "PENDING", organization: inScope(scope) },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: 200,
    include: {
      organization: { select: { ...NAMED, bin: true } },
      updatedBy: { select: { displayName: true } },
      versions: VERSIONS,
    },
  });
}

/**
 * Confirms or rejects a pending change in the viewer's territory: a building's capacity or condition (the
 * change replaces the version in force) or a budget line (it counts from then on). A confirmed change
 * refreshes the organisation's passport facts of the data bank in the same transaction.
 */
export async function decideChange(viewer: Viewer, input: ChangeDecision, now = new Date()): Promise<{ bin: string }> {
  const { scope } = authorizeViewer(viewer, "passport.confirm");
  if (input.kind === "budget") return decideBudgetLine(viewer, scope, input, now);
  return prisma.$transaction(async (tx) => {
    const change = await tx.passportBuilding.findFirst({
      where: { id: input.id, organization: inScope(scope) },
      include: { organization: { select: { bin: true } } },
    });
    if (!change) throw new AppError("notFound");
    if (change.status !== "PENDING") throw new AppError("conflict", { id: "passport.decided" });
    if (input.decision === "CONFIRMED")
      await tx.passportBuilding.updateMany({
        where: { organizationId: change.organizationId, number: change.number, ...CURRENT },
        data: { validTo: now },
      });
    const done = await tx.passportBuilding.updateMany({
      where: { id: change.id, status: "PENDING" },
      data: {
        status: input.decision,
        validFrom: input.decision === "CONFIRMED" ? now : null,
        decidedById: viewer.userId,
        decidedAt: now,
        decisionNote: input.note ?? null,
      },
    });
    if (done.count !== 1) throw new AppError("conflict", { id: "passport.decided" });
    return afterDecision(tx, viewer, "PassportBuilding", change, input, now);
  });
}

/** What follows a decision on a pending building change or budget line: its audit entry and, when confirmed, the passport's figures. */
async function afterDecision(
  tx: Tx,
  viewer: Viewer,
  entity: "PassportBuilding" | "BudgetLine",
  decided: { id: string; organizationId: string; organization: { bin: string } },
  input: ChangeDecision,
  now: Date,
): Promise<{ bin: string }> {
  await recordAudit(tx, {
    actorId: viewer.userId,
    action: "update",
    entity,
    entityId: decided.id,
    before: { status: "PENDING" },
    after: { status: input.decision, note: input.note ?? null },
  });
  if (input.decision === "CONFIRMED") await refreshPassportOf(tx, decided.organizationId, now);
  return { bin: decided.organization.bin };
}

async function decideBudgetLine(viewer: Viewer, scope: Scope, input: ChangeDecision, now: Date) {
  return prisma.$transaction(async (tx) => {
    const line = await tx.budgetLine.findFirst({
      where: { id: input.id, organization: inScope(scope) },
      include: { organization: { select: { bin: true } } },
    });
    if (!line) throw new AppError("notFound");
    const decision = {
      status: input.decision,
      decidedById: viewer.userId,
      decidedAt: now,
      decisionNote: input.note ?? null,
    };
    const confirmed =
      input.decision === "CONFIRMED"
        ? { confirmedPlanned: line.planned, confirmedSpent: line.spent, confirmedVersion: line.version }
        : {};
    const done = await tx.budgetLine.updateMany({
      where: { id: line.id, status: "PENDING", version: line.version },
      data: { ...decision, ...confirmed },
    });
    if (line.status !== "PENDING" || done.count !== 1) throw new AppError("conflict", { id: "passport.decided" });
    // the decision in the line's history (a line written without one, e.g. by an import, gets its version here)
    await tx.budgetLineVersion.upsert({
      where: { budgetLineId_version: { budgetLineId: line.id, version: line.version } },
      create: {
        budgetLineId: line.id,
        version: line.version,
        planned: line.planned,
        spent: line.spent,
        comment: line.comment,
        enteredById: line.updatedById,
        enteredAt: line.updatedAt,
        ...decision,
      },
      update: decision,
    });
    return afterDecision(tx, viewer, "BudgetLine", line, input, now);
  });
}

// ───────────────────────── Territory lists ─────────────────────────

export interface PassportRow {
  id: string;
  bin: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  territory: { nameKk: string; nameRu: string; nameEn: string };
  capacity: number | null;
  enrolment: number | null;
  overcrowding: number | null;
  shifts: number | null;
  condition: "NORMAL" | "NEEDS_REPAIR" | "EMERGENCY" | null;
  gym: boolean | null;
  internet: string | null;
  spent: number | null;
  perPupil: number | null;
}

const LIST_WHERE: Record<ListKind, Prisma.Sql> = {
  overcrowded: Prisma.sql`p.enrolment > b.capacity`,
  threeShift: Prisma.sql`p.shifts >= 3`,
  emergency: Prisma.sql`b.cond = 2`,
  noInternet: Prisma.sql`p.internet = 'NONE'`,
  noGym: Prisma.sql`NOT COALESCE(b.gym, false)`,
  spending: Prisma.sql`f.spent IS NOT NULL AND p.enrolment > 0`,
};

const LIST_ORDER: Record<ListKind, Prisma.Sql> = {
  overcrowded: Prisma.sql`(p.enrolment::float8 / NULLIF(b.capacity, 0)) DESC`,
  threeShift: Prisma.sql`p.enrolment DESC`,
  emergency: Prisma.sql`b.oldest ASC`,
  noInternet: Prisma.sql`p.enrolment DESC`,
  noGym: Prisma.sql`p.enrolment DESC`,
  spending: Prisma.sql`(f.spent / NULLIF(p.enrolment, 0)) DESC`,
};

function scopeSql(scope: Scope): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  const parts: Prisma.Sql[] = scope.territoryPaths.map((p) => Prisma.sql`t.path LIKE ${likePrefix(p)}`);
  if (scope.organizationIds.length) parts.push(Prisma.sql`o.id IN (${Prisma.join(scope.organizationIds)})`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

interface RawRow {
  id: string;
  bin: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  tKk: string;
  tRu: string;
  tEn: string;
  capacity: number | null;
  enrolment: number | null;
  shifts: number | null;
  cond: number | null;
  gym: boolean | null;
  internet: string | null;
  spent: number | null;
  total: bigint | number;
}

const CONDITION_OF = ["NORMAL", "NEEDS_REPAIR", "EMERGENCY"] as const;

/**
 * One of the authorities' lists of schools in their territory (or a territory inside it): overcrowded,
 * three-shift, emergency buildings, without internet, without a gym, spending per pupil. One query over the
 * versions in force; the scope goes into its WHERE.
 */
export async function territoryList(
  viewer: Viewer,
  query: ListQuery,
  window: { page: number; pageSize: number } | null,
  now = new Date(),
): Promise<{ rows: PassportRow[]; total: number; year: number }> {
  const { scope } = authorizeViewer(viewer, "passport.read");
  return listIn(scope, query, window, now);
}

/** The same list for a scope (the benchmark and the export). */
export async function listIn(
  scope: Scope,
  query: ListQuery,
  window: { page: number; pageSize: number } | null,
  now = new Date(),
): Promise<{ rows: PassportRow[]; total: number; year: number }> {
  const year = query.year ?? almatyYear(now);
  const where: Prisma.Sql[] = [LIST_WHERE[query.list]];
  if (query.territory) {
    const territory = await prisma.territory.findUnique({ where: { code: query.territory }, select: { path: true } });
    where.push(territory ? Prisma.sql`o.path LIKE ${likePrefix(territory.path)}` : Prisma.sql`FALSE`);
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      Prisma.sql`(o."nameKk" ILIKE ${like} OR o."nameRu" ILIKE ${like} OR o."nameEn" ILIKE ${like} OR o.bin = ${query.q})`,
    );
  }
  const limit = window
    ? Prisma.sql`LIMIT ${window.pageSize} OFFSET ${(window.page - 1) * window.pageSize}`
    : Prisma.sql`LIMIT 50000`;
  // spending is summed in the query only for the spending list; the other lists add it for their page's rows
  const spending = query.list === "spending";
  const budget = spending
    ? Prisma.sql`, f AS (
      SELECT bl."organizationId", SUM(bl."confirmedSpent")::float8 AS spent
      FROM "BudgetLine" bl JOIN orgs ON orgs.id = bl."organizationId" WHERE bl.year = ${year} AND bl."confirmedSpent" IS NOT NULL GROUP BY bl."organizationId"
    )`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<RawRow[]>`
    WITH orgs AS (
      SELECT o.id, o.bin, o."nameKk", o."nameRu", o."nameEn", t."nameKk" AS "tKk", t."nameRu" AS "tRu", t."nameEn" AS "tEn", t.path
      FROM "Organization" o JOIN "Territory" t ON t.id = o."territoryId"
      WHERE ${scopeSql(scope)}
    ),
    p AS (
      SELECT pp."organizationId", pp.enrolment, pp.shifts, pp.internet::text AS internet
      FROM "PassportProfile" pp JOIN orgs ON orgs.id = pp."organizationId" WHERE pp."validTo" IS NULL
    ),
    b AS (
      SELECT pb."organizationId", SUM(pb.capacity)::int AS capacity, MIN(pb."yearBuilt") AS oldest, BOOL_OR(pb.gym) AS gym,
        MAX(CASE pb.condition WHEN 'EMERGENCY' THEN 2 WHEN 'NEEDS_REPAIR' THEN 1 ELSE 0 END)::int AS cond
      FROM "PassportBuilding" pb JOIN orgs ON orgs.id = pb."organizationId"
      WHERE pb.status = 'CONFIRMED' AND pb."validTo" IS NULL GROUP BY pb."organizationId"
    )${budget}
    SELECT o.id, o.bin, o."nameKk", o."nameRu", o."nameEn", o."tKk", o."tRu", o."tEn",
      b.capacity, p.enrolment, p.shifts, b.cond, b.gym, p.internet, ${spending ? Prisma.sql`f.spent` : Prisma.sql`NULL::float8`} AS spent,
      COUNT(*) OVER () AS total
    FROM orgs o
    JOIN p ON p."organizationId" = o.id
    LEFT JOIN b ON b."organizationId" = o.id
    ${spending ? Prisma.sql`LEFT JOIN f ON f."organizationId" = o.id` : Prisma.empty}
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${LIST_ORDER[query.list]} NULLS LAST, o.bin
    ${limit}`;
  if (!spending && rows.length) {
    const sums = await prisma.budgetLine.groupBy({
      by: ["organizationId"],
      where: { year, confirmedSpent: { not: null }, organizationId: { in: rows.map((r) => r.id) } },
      _sum: { confirmedSpent: true },
    });
    const of = new Map(sums.map((x) => [x.organizationId, x._sum.confirmedSpent]));
    for (const r of rows) r.spent = of.get(r.id) ?? null;
  }
  return {
    year,
    total: rows.length ? Number(rows[0]!.total) : 0,
    rows: rows.map((r) => {
      const capacity = r.capacity === null ? null : Number(r.capacity);
      const enrolment = r.enrolment === null ? null : Number(r.enrolment);
      const spent = r.spent === null ? null : Number(r.spent);
      return {
        id: r.id,
        bin: r.bin,
        nameKk: r.nameKk,
        nameRu: r.nameRu,
        nameEn: r.nameEn,
        territory: { nameKk: r.tKk, nameRu: r.tRu, nameEn: r.tEn },
        capacity,
        enrolment,
        overcrowding: overcrowding(capacity, enrolment),
        shifts: r.shifts === null ? null : Number(r.shifts),
        condition: r.cond === null ? null : CONDITION_OF[Number(r.cond)]!,
        gym: r.gym,
        internet: r.internet,
        spent,
        perPupil: perPupil(spent, enrolment),
      };
    }),
  };
}

export interface TerritoryLine {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  schools: number;
  overcrowded: number;
  threeShift: number;
  emergency: number;
  noInternet: number;
  noGym: number;
  perPupil: number | null;
}

/** The lists counted per district of the viewer's territory (the map-free table), with spending per pupil. */
export async function territoryTable(viewer: Viewer, query: ListQuery, now = new Date()): Promise<TerritoryLine[]> {
  const { scope } = authorizeViewer(viewer, "passport.read");
  return tableIn(scope, query, now);
}

export async function tableIn(scope: Scope, query: ListQuery, now = new Date()): Promise<TerritoryLine[]> {
  const year = query.year ?? almatyYear(now);
  let within = Prisma.sql`TRUE`;
  if (query.territory) {
    const territory = await prisma.territory.findUnique({ where: { code: query.territory }, select: { path: true } });
    within = territory ? Prisma.sql`t.path LIKE ${likePrefix(territory.path)}` : Prisma.sql`FALSE`;
  }
  const rows = await prisma.$queryRaw<
    (Omit<TerritoryLine, "perPupil"> & { spent: number | null; pupils: number | null })[]
  >`
    WITH orgs AS (
      SELECT o.id, t.code, t."nameKk", t."nameRu", t."nameEn"
      FROM "Organization" o JOIN "Territory" t ON t.id = o."territoryId"
      WHERE ${scopeSql(scope)} AND ${within}
    ),
    b AS (
      SELECT pb."organizationId", SUM(pb.capacity)::int AS capacity, BOOL_OR(pb.gym) AS gym,
        BOOL_OR(pb.condition = 'EMERGENCY') AS emergency
      FROM "PassportBuilding" pb JOIN orgs ON orgs.id = pb."organizationId"
      WHERE pb.status = 'CONFIRMED' AND pb."validTo" IS NULL GROUP BY pb."organizationId"
    ),
    f AS (
      SELECT bl."organizationId", SUM(bl."confirmedSpent")::float8 AS spent
      FROM "BudgetLine" bl JOIN orgs ON orgs.id = bl."organizationId" WHERE bl.year = ${year} AND bl."confirmedSpent" IS NOT NULL GROUP BY bl."organizationId"
    )
    SELECT o.code, o."nameKk", o."nameRu", o."nameEn", COUNT(*)::int AS schools,
      COUNT(*) FILTER (WHERE p.enrolment > b.capacity)::int AS overcrowded,
      COUNT(*) FILTER (WHERE p.shifts >= 3)::int AS "threeShift",
      COUNT(*) FILTER (WHERE b.emergency)::int AS emergency,
      COUNT(*) FILTER (WHERE p.internet = 'NONE')::int AS "noInternet",
      COUNT(*) FILTER (WHERE NOT COALESCE(b.gym, false))::int AS "noGym",
      SUM(f.spent)::float8 AS spent, SUM(p.enrolment) FILTER (WHERE f.spent IS NOT NULL)::float8 AS pupils
    FROM orgs o JOIN "PassportProfile" p ON p."organizationId" = o.id AND p."validTo" IS NULL
    LEFT JOIN b ON b."organizationId" = o.id LEFT JOIN f ON f."organizationId" = o.id
    GROUP BY o.code, o."nameKk", o."nameRu", o."nameEn"
    ORDER BY o.code
    LIMIT 1000`;
  return rows.map(({ spent, pupils, ...r }) => ({
    ...r,
    perPupil: perPupil(spent === null ? null : Number(spent), pupils === null ? null : Number(pupils)),
  }));
}

/** The territories the viewer may filter the lists by (districts and regions of their scope). */
export async function listTerritories(viewer: Viewer) {
  const { scope } = authorizeViewer(viewer, "passport.read");
  return prisma.territory.findMany({
    where: {
      level: { in: ["REGION", "DISTRICT"] },
      ...(scope.all ? {} : { OR: [...scope.territoryPaths.map((p) => ({ path: { startsWith: p } })), { id: "" }] }),
    },
    select: { code: true, level: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: { code: "asc" },
    take: 500,
  });
}
