import "server-only";
/**
 * Public reads of the published ratings (no sign-in; nothing personal: territories and organisations
 * only). Dates are ISO strings so that the results can go through the data cache (./cache.ts).
 */
import { publicReads as prisma } from "../db";
import { AppError } from "../errors";
import { methodIndicatorsSchema, type Level, type MethodIndicator } from "./catalogue";

type Names = { nameKk: string; nameRu: string; nameEn: string };

export interface PublishedMethod extends Names {
  code: string;
  level: Level;
  territory: Names & { code: string };
  years: number[];
}

/** Every method with at least one published rating, and its years. */
export async function publishedMethods(): Promise<PublishedMethod[]> {
  const rows = await prisma.ratingMethod.findMany({
    where: { ratings: { some: {} } },
    select: {
      code: true,
      level: true,
      nameKk: true,
      nameRu: true,
      nameEn: true,
      territory: { select: { code: true, nameKk: true, nameRu: true, nameEn: true } },
      ratings: { select: { year: true }, orderBy: { year: "asc" } },
    },
    orderBy: [{ level: "asc" }, { territory: { code: "asc" } }, { code: "asc" }],
  });
  return rows.map(({ ratings, ...m }) => ({ ...m, years: ratings.map((r) => r.year) }));
}

export interface VersionView {
  number: number;
  aggregation: string;
  indicators: MethodIndicator[];
  approvalOrder: string | null;
  approvedOn: string | null;
  publishedAt: string | null;
}

export interface RatingRowView extends Names {
  entityId: string;
  code: string;
  rank: number | null;
  /** Rank in the previous year's rating of the same method (null: not rated then). */
  previousRank: number | null;
  score: number | null;
  inputs: Record<string, number | null>;
  breakdown: { code: string; normalised: number; contribution: number; imputed: "mean" | "zero" | null }[];
  minRank: number | null;
  maxRank: number | null;
  p5: number | null;
  p95: number | null;
  robust: boolean;
}

export interface RatingView {
  method: PublishedMethod;
  year: number;
  version: VersionView;
  sensitivity: { draws: number; spread: number; seed: number; robustWidth: number };
  publishedAt: string;
  /** Rank ascending, then name; excluded entities (no rank) last. */
  rows: RatingRowView[];
}

function versionView(v: {
  number: number;
  aggregation: string;
  indicators: unknown;
  approvalOrder: string | null;
  approvedOn: Date | null;
  publishedAt: Date | null;
}): VersionView {
  return {
    number: v.number,
    aggregation: v.aggregation,
    indicators: methodIndicatorsSchema.parse(v.indicators),
    approvalOrder: v.approvalOrder,
    approvedOn: v.approvedOn ? v.approvedOn.toISOString().slice(0, 10) : null,
    publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null,
  };
}

async function methodByCode(code: string): Promise<PublishedMethod> {
  const all = await publishedMethods();
  const method = all.find((m) => m.code === code);
  if (!method) throw new AppError("notFound");
  return method;
}

const entrySelect = {
  entityId: true,
  code: true,
  nameKk: true,
  nameRu: true,
  nameEn: true,
  rank: true,
  score: true,
  inputs: true,
  breakdown: true,
  minRank: true,
  maxRank: true,
  p5: true,
  p95: true,
  robust: true,
} as const;

/** A published rating: the method's latest year when `year` is null. */
export async function ratingView(code: string, year: number | null): Promise<RatingView> {
  const method = await methodByCode(code);
  const y = year ?? method.years[method.years.length - 1]!;
  const rating = await prisma.rating.findFirst({
    where: { method: { code }, year: y },
    select: {
      draws: true,
      spread: true,
      seed: true,
      robustWidth: true,
      publishedAt: true,
      version: {
        select: {
          number: true,
          aggregation: true,
          indicators: true,
          approvalOrder: true,
          approvedOn: true,
          publishedAt: true,
        },
      },
      entries: { select: entrySelect },
    },
  });
  if (!rating) throw new AppError("notFound");
  const previous = await prisma.ratingEntry.findMany({
    where: { rating: { method: { code }, year: y - 1 } },
    select: { entityId: true, rank: true },
  });
  const before = new Map(previous.map((p) => [p.entityId, p.rank]));
  const rows: RatingRowView[] = rating.entries.map((e) => ({
    ...e,
    inputs: e.inputs as Record<string, number | null>,
    breakdown: e.breakdown as RatingRowView["breakdown"],
    previousRank: before.get(e.entityId) ?? null,
  }));
  rows.sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.nameKk < b.nameKk ? -1 : a.nameKk > b.nameKk ? 1 : 0),
  );
  return {
    method,
    year: y,
    version: versionView(rating.version),
    sensitivity: { draws: rating.draws, spread: rating.spread, seed: rating.seed, robustWidth: rating.robustWidth },
    publishedAt: rating.publishedAt.toISOString(),
    rows,
  };
}

export interface EntityCard {
  rating: RatingView;
  entry: RatingRowView;
  /** The entity's rank in every published year of the method. */
  history: {
    year: number;
    rank: number | null;
    score: number | null;
    p5: number | null;
    p95: number | null;
    of: number;
  }[];
}

export async function entityCard(methodCode: string, entityCode: string, year: number | null): Promise<EntityCard> {
  const rating = await ratingView(methodCode, year);
  const entry = rating.rows.find((r) => r.code === entityCode);
  if (!entry) throw new AppError("notFound");
  const ratings = await prisma.rating.findMany({
    where: { method: { code: methodCode } },
    orderBy: { year: "asc" },
    select: {
      year: true,
      _count: { select: { entries: { where: { rank: { not: null } } } } },
      entries: { where: { entityId: entry.entityId }, select: { rank: true, score: true, p5: true, p95: true } },
    },
  });
  const history = ratings.map((r) => ({
    year: r.year,
    rank: r.entries[0]?.rank ?? null,
    score: r.entries[0]?.score ?? null,
    p5: r.entries[0]?.p5 ?? null,
    p95: r.entries[0]?.p95 ?? null,
    of: r._count.entries,
  }));
  return { rating, entry, history };
}

export interface MethodView {
  method: PublishedMethod;
  versions: (VersionView & { years: number[] })[];
  /** The version shown (the latest published one unless asked). */
  current: VersionView & { years: number[] };
}

/** The method page: every published version stays readable, with the years rated by it. */
export async function methodView(code: string, versionNumber: number | null): Promise<MethodView> {
  const method = await methodByCode(code);
  const rows = await prisma.ratingMethodVersion.findMany({
    where: { method: { code }, status: "PUBLISHED" },
    orderBy: { number: "asc" },
    select: {
      number: true,
      aggregation: true,
      indicators: true,
      approvalOrder: true,
      approvedOn: true,
      publishedAt: true,
      ratings: { select: { year: true }, orderBy: { year: "asc" } },
    },
  });
  const versions = rows.map((v) => ({ ...versionView(v), years: v.ratings.map((r) => r.year) }));
  const current =
    versionNumber === null ? versions[versions.length - 1] : versions.find((v) => v.number === versionNumber);
  if (!current) throw new AppError("notFound");
  return { method, versions, current };
}
