/**
 * The rating runner: loads the inputs of a rating from the data bank (accepted reports of a year) for the
 * entities of a level inside a territory, runs the pure computation (./compute.ts) with the sensitivity
 * analysis, and stores a published rating with its frozen input snapshot.
 *
 * No "server-only" and no singleton: it takes the database client, so the seed and the benchmark use it too.
 */
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { AppError } from "../errors";
import { factsFrom, likePrefix, mappingCte } from "../databank/sql";
import { computeRating, RatingError, sensitivity, validateMethod, type Method, type RatingRow } from "./compute";
import { almatyDate } from "../time";
import {
  DIARY_SMALL_CELL,
  LEVEL_ORG_KIND,
  RATING_CATALOGUE,
  SENSITIVITY,
  databankIndicatorsOf,
  ratioValue,
  type Level,
  type MethodIndicator,
  type RatingIndicatorCode,
} from "./catalogue";

type Db = PrismaClient | Prisma.TransactionClient;

export interface Entity {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface Inputs {
  entities: Entity[];
  /** One row per entity, values by indicator code (null = not reported). */
  rows: RatingRow[];
}

/** The entities a rating of `level` inside the territory at `path` rates (active organisations only). */
export async function loadEntities(db: Db, level: Level, path: string): Promise<Entity[]> {
  const kind = LEVEL_ORG_KIND[level];
  if (kind) {
    const orgs = await db.organization.findMany({
      where: { status: "ACTIVE", kind: { code: kind }, territory: { path: { startsWith: path } } },
      select: { id: true, bin: true, nameKk: true, nameRu: true, nameEn: true },
      orderBy: { bin: "asc" },
    });
    return orgs.map(({ bin, ...o }) => ({ ...o, code: bin }));
  }
  const territories = await db.territory.findMany({
    where: { level: level as "REGION" | "DISTRICT", path: { startsWith: path } },
    select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: { code: "asc" },
  });
  return territories;
}

function entitySql(level: Level): Prisma.Sql {
  if (level === "REGION") return Prisma.sql`split_part(t.path, '/', 3)`;
  if (level === "DISTRICT") return Prisma.sql`split_part(t.path, '/', 4)`;
  return Prisma.sql`o.id`;
}

function kindSql(level: Level): Prisma.Sql {
  const kind = LEVEL_ORG_KIND[level];
  return kind
    ? Prisma.sql`o."kindId" IN (SELECT ci.id FROM "ClassifierItem" ci JOIN "Classifier" cl ON cl.id = ci."classifierId" WHERE cl.code = 'ORG_KIND' AND ci.code = ${kind})`
    : Prisma.sql`TRUE`;
}

/** Raw values of the indicators for every entity of the level inside the territory, for one year. */
export async function loadInputs(
  db: Db,
  options: {
    level: Level;
    path: string;
    year: number;
    codes: readonly RatingIndicatorCode[];
    /** Almaty day up to which diary lessons count (today). */ today?: string;
  },
): Promise<Inputs> {
  const { level, path, year, codes } = options;
  const entities = await loadEntities(db, level, path);
  const totals = new Map<string, Map<string, number>>();
  const add = (entity: string, key: string, v: number) => {
    let m = totals.get(entity);
    if (!m) totals.set(entity, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + v);
  };
  const databank = databankIndicatorsOf(codes);
  if (databank.length && entities.length) {
    const rows = await db.$queryRaw<{ entity: string; ind: string; qual: string; v: number }[]>`
      WITH ${mappingCte(databank)},
      cells AS (
        SELECT dv."organizationId" AS org, m.ind, COALESCE(m.qual, '') AS qual, SUM(dv.value * m.weight) AS v
        FROM ${factsFrom(databank)} JOIN m ON m.form_code = dv."formCode" AND m.fact = dv.indicator
        WHERE dv.year = ${year}
        GROUP BY 1, 2, 3
      )
      SELECT ${entitySql(level)} AS entity, c.ind, c.qual, SUM(c.v)::float8 AS v
      FROM cells c JOIN "Organization" o ON o.id = c.org JOIN "Territory" t ON t.id = o."territoryId"
      WHERE t.path LIKE ${likePrefix(path)} AND ${kindSql(level)}
      GROUP BY 1, 2, 3`;
    for (const r of rows) {
      add(r.entity, `${r.ind}|`, Number(r.v));
      if (r.qual) add(r.entity, `${r.ind}|${r.qual}`, Number(r.v));
    }
  }
  const timeliness = new Map<string, number>();
  if (codes.includes("reportingTimeliness") && entities.length) {
    const rows = await db.$queryRaw<{ entity: string; ok: number; n: number }[]>`
      SELECT ${entitySql(level)} AS entity, COUNT(*) FILTER (WHERE NOT s.late)::int AS ok, COUNT(*)::int AS n
      FROM "Submission" s
      JOIN "ReportingPeriod" p ON p.id = s."periodId" JOIN "Form" f ON f.id = p."formId" JOIN "FormList" fl ON fl.id = f."formListId"
      JOIN "Organization" o ON o.id = s."organizationId" JOIN "Territory" t ON t.id = o."territoryId"
      WHERE fl.year = ${year} AND s.status = 'ACCEPTED' AND s."supersededAt" IS NULL AND NOT f."adHoc"
        AND t.path LIKE ${likePrefix(path)} AND ${kindSql(level)}
      GROUP BY 1`;
    for (const r of rows) if (Number(r.n) > 0) timeliness.set(r.entity, (100 * Number(r.ok)) / Number(r.n));
  }
  const diary = new Map<string, { attendance: number | null; quality: number | null }>();
  if (codes.some((c) => RATING_CATALOGUE[c].kind === "diary") && entities.length) {
    const today = options.today ?? almatyDate(new Date());
    const rows = await db.$queryRaw<
      { entity: string; students: number; possible: number; absent: number; grades: number; good: number }[]
    >`
      WITH ay AS (SELECT id FROM "AcademicYear" WHERE EXTRACT(YEAR FROM "startDate")::int = ${year}),
      enr AS (SELECT e."organizationId" AS org, e."classGroupId" AS cg, COUNT(*)::int AS n FROM "ClassEnrolment" e WHERE e."academicYearId" IN (SELECT id FROM ay) GROUP BY 1, 2),
      held AS (
        SELECT l."classGroupId" AS cg, COUNT(*)::int AS n FROM "Lesson" l JOIN "ClassGroup" c ON c.id = l."classGroupId"
        WHERE c."academicYearId" IN (SELECT id FROM ay) AND l.date <= ${today}::date GROUP BY 1
      ),
      per_org AS (SELECT enr.org, SUM(enr.n)::int AS students, SUM(enr.n * COALESCE(held.n, 0))::float8 AS possible FROM enr LEFT JOIN held ON held.cg = enr.cg GROUP BY 1),
      absent AS (
        SELECT a."organizationId" AS org, COUNT(*)::int AS n FROM "Attendance" a JOIN "Lesson" l ON l.id = a."lessonId" JOIN "ClassGroup" c ON c.id = l."classGroupId"
        WHERE a.status = 'ABSENT' AND c."academicYearId" IN (SELECT id FROM ay) AND l.date <= ${today}::date GROUP BY 1
      ),
      grades AS (
        SELECT g."organizationId" AS org, COUNT(*)::int AS n, (COUNT(*) FILTER (WHERE g.grade >= 4))::int AS good
        FROM "TermGrade" g JOIN "Term" tm ON tm.id = g."termId" WHERE tm."academicYearId" IN (SELECT id FROM ay) GROUP BY 1
      )
      SELECT ${entitySql(level)} AS entity, SUM(p.students)::int AS students, SUM(p.possible)::float8 AS possible,
             SUM(COALESCE(ab.n, 0))::float8 AS absent, SUM(COALESCE(g.n, 0))::int AS grades, SUM(COALESCE(g.good, 0))::int AS good
      FROM per_org p JOIN "Organization" o ON o.id = p.org JOIN "Territory" t ON t.id = o."territoryId"
      LEFT JOIN absent ab ON ab.org = p.org LEFT JOIN grades g ON g.org = p.org
      WHERE t.path LIKE ${likePrefix(path)} AND ${kindSql(level)}
      GROUP BY 1`;
    for (const r of rows) {
      if (Number(r.students) < DIARY_SMALL_CELL) continue;
      const possible = Number(r.possible);
      const grades = Number(r.grades);
      diary.set(r.entity, {
        attendance: possible > 0 ? (100 * (possible - Number(r.absent))) / possible : null,
        quality: grades > 0 ? (100 * Number(r.good)) / grades : null,
      });
    }
  }
  const rows: RatingRow[] = entities.map((e) => {
    const values: Record<string, number | null> = {};
    for (const code of codes) {
      const spec = RATING_CATALOGUE[code];
      values[code] =
        spec.kind === "ratio"
          ? ratioValue(spec, totals.get(e.id) ?? new Map())
          : spec.kind === "timeliness"
            ? (timeliness.get(e.id) ?? null)
            : (diary.get(e.id)?.[spec.measure] ?? null);
    }
    return { entityId: e.id, values };
  });
  for (const row of rows) for (const code of codes) row.values[code] = round(row.values[code] ?? null);
  return { entities, rows };
}

/**
 * Inputs, scores and the published breakdown keep 12 significant digits: the snapshot then survives any storage
 * and serialisation unchanged, and recomputing a published rating from it gives the same numbers.
 */
export function round(v: number | null): number | null {
  return v === null ? null : Number(v.toPrecision(12));
}

/** The computation's method from a stored version's indicators. */
export function methodOf(aggregation: string, indicators: readonly MethodIndicator[]): Method {
  return {
    aggregation: aggregation === "geometric" ? "geometric" : "arithmetic",
    indicators: indicators.map((i) => ({ ...i })),
  };
}

export interface EntryResult {
  entityId: string;
  inputs: Record<string, number | null>;
  rank: number | null;
  score: number | null;
  breakdown: { code: string; normalised: number; contribution: number; imputed: "mean" | "zero" | null }[];
  minRank: number | null;
  maxRank: number | null;
  p5: number | null;
  p95: number | null;
  robust: boolean;
}

/**
 * Checks the method against the inputs and computes ranks with the sensitivity analysis. Refusals are
 * localised AppErrors (field `indicators` or `weights`): no indicators, weights not summing to 1 / 100 %,
 * an indicator without any value for the year, a negative value under geometric aggregation.
 */
export function runRating(
  method: Method,
  rows: readonly RatingRow[],
  options: { draws?: number; spread?: number; seed?: number; robustWidth?: number } = SENSITIVITY,
): EntryResult[] {
  const problems = validateMethod(method);
  if (problems.includes("no_indicators")) throw new AppError("validation", { indicators: "ratings.noIndicators" });
  if (problems.includes("weights_sum") || problems.includes("negative_weight"))
    throw new AppError("validation", { weights: "ratings.weightsSum" });
  if (problems.length) throw new AppError("validation", { indicators: "ratings.invalidMethod" });
  for (const indicator of method.indicators) {
    if (!rows.some((r) => r.values[indicator.code] != null))
      throw new AppError("validation", { indicators: "ratings.noData" }, { indicator: indicator.code });
  }
  let result: ReturnType<typeof computeRating>;
  let sens: ReturnType<typeof sensitivity>;
  try {
    result = computeRating(method, rows);
    sens = sensitivity(method, rows, options);
  } catch (error) {
    if (error instanceof RatingError) {
      if (error.code === "negative_value_geometric")
        throw new AppError(
          "validation",
          { indicators: "ratings.negativeGeometric" },
          { value: error.details[0] ?? "" },
        );
      throw new AppError("validation", { indicators: "ratings.invalidMethod" });
    }
    throw error;
  }
  const bySens = new Map(sens.entities.map((e) => [e.entityId, e]));
  const inputsOf = new Map(rows.map((r) => [r.entityId, r.values]));
  const codes = method.indicators.map((i) => i.code);
  const snapshot = (id: string) => Object.fromEntries(codes.map((c) => [c, inputsOf.get(id)?.[c] ?? null]));
  const out: EntryResult[] = result.entities.map((e) => {
    const s = bySens.get(e.entityId)!;
    return {
      entityId: e.entityId,
      inputs: snapshot(e.entityId),
      rank: e.rank,
      score: round(e.score),
      breakdown: e.indicators.map((x) => ({
        code: x.code,
        normalised: round(x.normalised)!,
        contribution: round(x.contribution)!,
        imputed: x.imputed,
      })),
      minRank: s.minRank,
      maxRank: s.maxRank,
      p5: s.p5,
      p95: s.p95,
      robust: s.robust,
    };
  });
  for (const x of result.excluded) {
    out.push({
      entityId: x.entityId,
      inputs: snapshot(x.entityId),
      rank: null,
      score: null,
      breakdown: [],
      minRank: null,
      maxRank: null,
      p5: null,
      p95: null,
      robust: true,
    });
  }
  return out;
}

/** Writes a rating and its entries (call inside the publishing transaction). */
export async function storeRating(
  tx: Db,
  rating: { methodId: string; versionId: string; year: number; publishedById: string | null; publishedAt?: Date },
  entities: readonly Entity[],
  entries: readonly EntryResult[],
  options: { draws: number; spread: number; seed: number; robustWidth: number } = SENSITIVITY,
): Promise<string> {
  const created = await tx.rating.create({
    data: {
      ...rating,
      draws: options.draws,
      spread: options.spread,
      seed: options.seed,
      robustWidth: options.robustWidth,
    },
    select: { id: true },
  });
  const byId = new Map(entities.map((e) => [e.id, e]));
  const data = entries.map((e) => {
    const entity = byId.get(e.entityId)!;
    return { ...e, code: entity.code, nameKk: entity.nameKk, nameRu: entity.nameRu, nameEn: entity.nameEn };
  });
  // One statement per chunk with the rows as one JSON parameter: much faster than a multi-row insert with
  // fifteen parameters per row (10,000 entries in well under a second).
  for (let i = 0; i < data.length; i += 5000) {
    await tx.$executeRaw`
      INSERT INTO "RatingEntry" ("ratingId", "entityId", code, "nameKk", "nameRu", "nameEn", inputs, rank, score, breakdown, "minRank", "maxRank", p5, p95, robust)
      SELECT ${created.id}, x."entityId", x.code, x."nameKk", x."nameRu", x."nameEn", x.inputs, x.rank, x.score, x.breakdown, x."minRank", x."maxRank", x.p5, x.p95, x.robust
      FROM jsonb_to_recordset(${JSON.stringify(data.slice(i, i + 5000))}::jsonb) AS x("entityId" text, code text, "nameKk" text, "nameRu" text, "nameEn" text, inputs jsonb, rank int, score float8, breakdown jsonb, "minRank" int, "maxRank" int, p5 int, p95 int, robust boolean)`;
  }
  return created.id;
}
