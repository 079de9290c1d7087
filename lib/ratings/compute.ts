/**
 * Open rating computation (composite indicators).
 *
 * Pure module: no I/O, no database access, no Node-only APIs. Safe to run in
 * the browser (so anyone can reproduce a published rating) and on the server.
 *
 * Pipeline
 * --------
 * 1. Weights: `normaliseWeights` turns percentages (sum 100) into fractions
 *    (sum 1). `validateMethod` then requires the sum to equal 1 within 1e-6.
 * 2. Missing values, per indicator (`Indicator.missing`):
 *    - "exclude-entity": an entity lacking this value is removed from the
 *      rating before anything else; it is reported in `excluded` and does not
 *      influence the normalisation of any indicator.
 *    - "mean": the missing raw value is replaced by the arithmetic mean of the
 *      observed values of the remaining entities (0 if none is observed). The
 *      imputed value then takes part in normalisation like an observed one.
 *    - "zero": the entity receives a normalised score of 0 (worst possible) for
 *      this indicator, whatever the direction. Missing values do not take part
 *      in the normalisation statistics.
 * 3. Normalisation to 0..1, larger = better:
 *    - "minmax": (x - min) / (max - min). If all values are equal every
 *      entity gets 1 (in both directions: nobody is penalised).
 *    - "zscore": z = (x - mean) / sd with the population standard deviation
 *      (the entities are the whole population, not a sample), mapped to 0..1
 *      by the standard normal CDF Φ(z). If all values are equal, z = 0 → 0.5.
 *    - "rank": rank 1 = largest value, ties receive the average of the ranks
 *      they span; score = (n - rank) / (n - 1). A single value scores 1.
 *    Direction "lower" is handled by normalising the negated values, which
 *    equals 1 - normalised(x) except in the all-equal min-max case above.
 * 4. Aggregation with weights w (Σw = 1):
 *    - "arithmetic": score = Σ wᵢ·xᵢ; contributionᵢ = wᵢ·xᵢ (they sum to the
 *      score).
 *    - "geometric": score = Π (xᵢ + ε)^wᵢ − ε with ε = GEOMETRIC_EPSILON. The
 *      shift keeps a single zero from annihilating the whole score while the
 *      subtraction keeps the score in 0..1 (all xᵢ = c gives exactly c up to
 *      rounding). contributionᵢ = (xᵢ + ε)^wᵢ is the multiplicative factor
 *      (their product minus ε is the score). Geometric aggregation assumes
 *      ratio-scale, non-negative raw data: any negative raw value of a method
 *      indicator (in any row) is refused with `negative_value_geometric`.
 * 5. Ranking: competition ranking ("1224"): rank = 1 + the number of entities
 *    whose score exceeds this entity's score by more than TIE_TOLERANCE
 *    (1e-12). Exact ties therefore share a rank and the next rank is skipped.
 *    Output order: rank ascending, then entityId (UTF-16 code unit order, no
 *    locale dependence).
 */

export type Direction = "higher" | "lower";
export type Normalisation = "minmax" | "zscore" | "rank";
export type MissingPolicy = "exclude-entity" | "zero" | "mean";
export type Aggregation = "arithmetic" | "geometric";

export interface Indicator {
  code: string;
  direction: Direction;
  weight: number;
  normalisation: Normalisation;
  missing: MissingPolicy;
}

export interface Method {
  indicators: Indicator[];
  aggregation: Aggregation;
}

/** One entity (region, school, …). A key absent from `values` counts as missing. */
export interface RatingRow {
  entityId: string;
  values: Record<string, number | null | undefined>;
}

export type MethodErrorCode =
  | "no_indicators"
  | "weights_sum"
  | "duplicate_indicator"
  | "negative_weight"
  /** Empty code or an unknown direction / normalisation / missing policy (runtime data). */
  | "invalid_indicator";

export type RatingErrorCode =
  /** `details` holds the MethodErrorCode list. */
  | "invalid_method"
  /** `details` holds "entityId/indicatorCode" of every negative value. */
  | "negative_value_geometric"
  /** A value that is neither null nor a finite number; `details` as above. */
  | "invalid_value"
  /** Two rows share an entityId; `details` holds the ids. */
  | "duplicate_entity"
  /** Bad sensitivity options; `details` names the option. */
  | "invalid_options";

export class RatingError extends Error {
  readonly code: RatingErrorCode;
  readonly details: readonly string[];

  constructor(code: RatingErrorCode, details: readonly string[] = []) {
    super(details.length > 0 ? `${code}: ${details.join(", ")}` : code);
    this.name = "RatingError";
    this.code = code;
    this.details = details;
  }
}

export interface IndicatorScore {
  code: string;
  /** Raw input value, null when missing. */
  raw: number | null;
  /** How a missing value was filled in, null when observed. */
  imputed: "mean" | "zero" | null;
  /** Normalised, direction-adjusted value in 0..1 (larger = better). */
  normalised: number;
  /** Weight as a fraction (percentages already divided by 100). */
  weight: number;
  /** Arithmetic: weight × normalised. Geometric: (normalised + ε)^weight. */
  contribution: number;
}

export interface RatedEntity {
  entityId: string;
  score: number;
  rank: number;
  /** In method order. */
  indicators: IndicatorScore[];
}

export interface ExcludedEntity {
  entityId: string;
  /** Codes of the "exclude-entity" indicators that were missing, in method order. */
  missing: string[];
}

export interface RatingResult {
  aggregation: Aggregation;
  /** Rank ascending, then entityId. */
  entities: RatedEntity[];
  /** Sorted by entityId. */
  excluded: ExcludedEntity[];
}

/** Shift applied before the geometric mean so that a normalised 0 does not zero the score. */
export const GEOMETRIC_EPSILON = 0.01;
/** Scores closer than this are ties. */
export const TIE_TOLERANCE = 1e-12;
/** Tolerance for the weight sum (1 ± 1e-6, or 100 ± 1e-4 for percentages). */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

const DIRECTIONS: ReadonlySet<string> = new Set<Direction>(["higher", "lower"]);
const NORMALISATIONS: ReadonlySet<string> = new Set<Normalisation>(["minmax", "zscore", "rank"]);
const MISSING_POLICIES: ReadonlySet<string> = new Set<MissingPolicy>(["exclude-entity", "zero", "mean"]);
const AGGREGATIONS: ReadonlySet<string> = new Set<Aggregation>(["arithmetic", "geometric"]);

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function weightSum(indicators: readonly Indicator[]): number {
  let sum = 0;
  for (const indicator of indicators) sum += indicator.weight;
  return sum;
}

// ---------------------------------------------------------------------------
// Method validation
// ---------------------------------------------------------------------------

/**
 * If the weights sum to 100 (± 100 × 1e-6) they are read as percentages and
 * divided by 100; otherwise the method is returned unchanged (same object).
 */
export function normaliseWeights(method: Method): Method {
  const sum = weightSum(method.indicators);
  if (Math.abs(sum - 100) <= 100 * WEIGHT_SUM_TOLERANCE) {
    return {
      ...method,
      indicators: method.indicators.map((indicator) => ({ ...indicator, weight: indicator.weight / 100 })),
    };
  }
  return method;
}

/**
 * Returns the list of problems (empty = valid), in a fixed order:
 * no_indicators, invalid_indicator, duplicate_indicator, negative_weight,
 * weights_sum. Weights are checked after `normaliseWeights`, so percentages
 * summing to 100 are accepted. `no_indicators` is reported alone.
 */
export function validateMethod(method: Method): MethodErrorCode[] {
  const indicators = method.indicators ?? [];
  if (indicators.length === 0) return ["no_indicators"];

  const errors: MethodErrorCode[] = [];
  const invalid =
    !AGGREGATIONS.has(method.aggregation) ||
    indicators.some(
      (indicator) =>
        typeof indicator.code !== "string" ||
        indicator.code.length === 0 ||
        !DIRECTIONS.has(indicator.direction) ||
        !NORMALISATIONS.has(indicator.normalisation) ||
        !MISSING_POLICIES.has(indicator.missing) ||
        typeof indicator.weight !== "number",
    );
  if (invalid) errors.push("invalid_indicator");

  const codes = new Set<string>();
  let duplicate = false;
  for (const indicator of indicators) {
    if (codes.has(indicator.code)) duplicate = true;
    codes.add(indicator.code);
  }
  if (duplicate) errors.push("duplicate_indicator");

  if (indicators.some((indicator) => indicator.weight < 0)) errors.push("negative_weight");

  const sum = weightSum(normaliseWeights(method).indicators);
  if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) errors.push("weights_sum");

  return errors;
}

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

/**
 * Error function, Abramowitz & Stegun formula 7.1.26:
 *   erf(x) ≈ 1 − (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵)·e^(−x²),  t = 1 / (1 + p·x),  x ≥ 0,
 * extended to x < 0 by oddness (erf(−x) = −erf(x)), so Φ(−z) = 1 − Φ(z) holds
 * exactly. Maximum absolute error 1.5e-7; erf(0) is returned as exactly 0.
 */
export function erf(x: number): number {
  if (x === 0) return 0;
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-ax * ax));
}

/** Standard normal cumulative distribution Φ(z) = (1 + erf(z / √2)) / 2. */
export function standardNormalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** Normalises `values` (larger = better) into `out`. Values must be finite. */
function normaliseInto(values: Float64Array, normalisation: Normalisation, out: Float64Array): void {
  const n = values.length;
  if (n === 0) return;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }

  if (normalisation === "minmax") {
    if (max === min) {
      out.fill(1);
      return;
    }
    const range = max - min;
    for (let i = 0; i < n; i++) out[i] = (values[i]! - min) / range;
    return;
  }

  if (normalisation === "zscore") {
    // Exact equality check first: the two-pass sd of equal values can be a
    // tiny non-zero number because of rounding in the mean.
    if (max === min) {
      out.fill(0.5);
      return;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const d = values[i]! - mean;
      squares += d * d;
    }
    const sd = Math.sqrt(squares / n);
    for (let i = 0; i < n; i++) out[i] = standardNormalCdf((values[i]! - mean) / sd);
    return;
  }

  // rank
  if (n === 1) {
    out[0] = 1;
    return;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  let start = 0;
  while (start < n) {
    let end = start;
    const v = values[order[start]!]!;
    while (end + 1 < n && values[order[end + 1]!] === v) end++;
    // positions start..end (0-based) hold ranks start+1..end+1; average them.
    const averageRank = (start + end + 2) / 2;
    const score = (n - averageRank) / (n - 1);
    for (let k = start; k <= end; k++) out[order[k]!] = score;
    start = end + 1;
  }
}

/**
 * Normalises one indicator's values to 0..1 (see module doc). Exposed for
 * display and testing; `computeRating` uses the same code.
 */
export function normaliseValues(
  values: readonly number[],
  normalisation: Normalisation,
  direction: Direction = "higher",
): number[] {
  const input = Float64Array.from(values, (v) => {
    if (!Number.isFinite(v)) throw new RatingError("invalid_value", [String(v)]);
    return direction === "lower" ? -v : v;
  });
  const out = new Float64Array(input.length);
  normaliseInto(input, normalisation, out);
  return Array.from(out);
}

// ---------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------

/** Index of the first element of ascending `sorted` greater than `x`. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Same as `upperBound`, but starts from a position where the answer is
 * expected to be close (galloping search). Used by the sensitivity loop, where
 * an entity's position rarely moves far between draws.
 */
function upperBoundFrom(sorted: Float64Array, x: number, hint: number): number {
  const n = sorted.length;
  let lo: number;
  let hi: number;
  let step = 1;
  if (hint < n && sorted[hint]! <= x) {
    // Answer is to the right of hint.
    lo = hint + 1;
    let probe = lo;
    while (probe < n && sorted[probe]! <= x) {
      lo = probe + 1;
      probe += step;
      step *= 2;
    }
    hi = probe < n ? probe : n;
  } else {
    // Answer is at hint or to its left.
    hi = hint;
    let probe = hi - 1;
    while (probe >= 0 && sorted[probe]! > x) {
      hi = probe;
      probe -= step;
      step *= 2;
    }
    lo = probe + 1 > 0 ? probe + 1 : 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Competition ranks: rank = 1 + #{j : scores[j] > scores[i] + tolerance}.
 * `sortedScratch` must have the same length as `scores`.
 */
function rankInto(
  scores: Float64Array,
  sortedScratch: Float64Array,
  tolerance: number,
  write: (index: number, rank: number) => void,
): void {
  const n = scores.length;
  sortedScratch.set(scores);
  sortedScratch.sort();
  for (let i = 0; i < n; i++) write(i, 1 + n - upperBound(sortedScratch, scores[i]! + tolerance));
}

/** Competition ranking ("1224") of `scores`, larger = better, ties within `tolerance`. */
export function competitionRanks(scores: readonly number[], tolerance: number = TIE_TOLERANCE): number[] {
  const values = Float64Array.from(scores);
  const ranks = new Array<number>(values.length);
  rankInto(values, new Float64Array(values.length), tolerance, (i, rank) => {
    ranks[i] = rank;
  });
  return ranks;
}

// ---------------------------------------------------------------------------
// Preparation (shared by computeRating and sensitivity)
// ---------------------------------------------------------------------------

interface Prepared {
  method: Method;
  n: number;
  m: number;
  /** Included entity ids, sorted. */
  ids: string[];
  excluded: ExcludedEntity[];
  weights: Float64Array;
  /** n × m row-major; NaN = missing. */
  raw: Float64Array;
  /** n × m row-major; 0 observed, 1 mean-imputed, 2 zero-imputed. */
  imputed: Uint8Array;
  /** n × m row-major, normalised 0..1. */
  normalised: Float64Array;
  /** Matrix that the aggregation sums: normalised (arithmetic) or ln(x + ε) (geometric). */
  aggregand: Float64Array;
}

function prepare(inputMethod: Method, rows: readonly RatingRow[]): Prepared {
  const methodErrors = validateMethod(inputMethod);
  if (methodErrors.length > 0) throw new RatingError("invalid_method", methodErrors);
  const method = normaliseWeights(inputMethod);
  const indicators = method.indicators;
  const m = indicators.length;

  // Deterministic entity order, duplicate detection, value validation.
  const sortedRows = [...rows].sort((a, b) => compareIds(a.entityId, b.entityId));
  const duplicates: string[] = [];
  for (let i = 1; i < sortedRows.length; i++) {
    const id = sortedRows[i]!.entityId;
    if (id === sortedRows[i - 1]!.entityId && duplicates[duplicates.length - 1] !== id) duplicates.push(id);
  }
  if (duplicates.length > 0) throw new RatingError("duplicate_entity", duplicates);

  const invalid: string[] = [];
  const negative: string[] = [];
  for (const row of sortedRows) {
    for (const indicator of indicators) {
      const v = row.values[indicator.code];
      if (v === null || v === undefined) continue;
      if (typeof v !== "number" || !Number.isFinite(v)) invalid.push(`${row.entityId}/${indicator.code}`);
      else if (v < 0) negative.push(`${row.entityId}/${indicator.code}`);
    }
  }
  if (invalid.length > 0) throw new RatingError("invalid_value", invalid);
  if (method.aggregation === "geometric" && negative.length > 0) {
    throw new RatingError("negative_value_geometric", negative);
  }

  // Exclusion.
  const included: RatingRow[] = [];
  const excluded: ExcludedEntity[] = [];
  for (const row of sortedRows) {
    const missing = indicators
      .filter((indicator) => indicator.missing === "exclude-entity" && row.values[indicator.code] == null)
      .map((indicator) => indicator.code);
    if (missing.length > 0) excluded.push({ entityId: row.entityId, missing });
    else included.push(row);
  }

  const n = included.length;
  const raw = new Float64Array(n * m);
  const imputed = new Uint8Array(n * m);
  const normalised = new Float64Array(n * m);

  for (let j = 0; j < m; j++) {
    const indicator = indicators[j]!;
    const sign = indicator.direction === "lower" ? -1 : 1;

    let observedSum = 0;
    let observedCount = 0;
    for (let i = 0; i < n; i++) {
      const v = included[i]!.values[indicator.code];
      if (v == null) {
        raw[i * m + j] = NaN;
      } else {
        raw[i * m + j] = v;
        observedSum += v;
        observedCount++;
      }
    }

    // Collect the values that take part in normalisation.
    const participants: number[] = [];
    const column: number[] = [];
    const mean = observedCount > 0 ? observedSum / observedCount : 0;
    for (let i = 0; i < n; i++) {
      const v = raw[i * m + j]!;
      if (Number.isNaN(v)) {
        if (indicator.missing === "mean") {
          imputed[i * m + j] = 1;
          participants.push(i);
          column.push(sign * mean);
        } else {
          imputed[i * m + j] = 2; // "zero"; "exclude-entity" cannot reach here
          normalised[i * m + j] = 0;
        }
      } else {
        participants.push(i);
        column.push(sign * v);
      }
    }
    const out = new Float64Array(column.length);
    normaliseInto(Float64Array.from(column), indicator.normalisation, out);
    for (let k = 0; k < participants.length; k++) normalised[participants[k]! * m + j] = out[k]!;
  }

  const geometric = method.aggregation === "geometric";
  const aggregand = geometric ? normalised.map((x) => Math.log(x + GEOMETRIC_EPSILON)) : normalised;

  return {
    method,
    n,
    m,
    ids: included.map((row) => row.entityId),
    excluded,
    weights: Float64Array.from(indicators, (indicator) => indicator.weight),
    raw,
    imputed,
    normalised,
    aggregand,
  };
}

/** Composite scores for all entities with the given weights (hot loop of `sensitivity`). */
function scoreInto(p: Prepared, weights: Float64Array, out: Float64Array): void {
  const { n, m, aggregand } = p;
  const geometric = p.method.aggregation === "geometric";
  for (let i = 0, base = 0; i < n; i++, base += m) {
    let s = 0;
    for (let j = 0; j < m; j++) s += weights[j]! * aggregand[base + j]!;
    if (geometric) {
      s = Math.exp(s) - GEOMETRIC_EPSILON;
      if (s < 0) s = 0;
    }
    out[i] = s;
  }
}

// ---------------------------------------------------------------------------
// Public computation
// ---------------------------------------------------------------------------

/**
 * Computes the composite score and rank of every entity.
 * Throws `RatingError` (invalid_method, invalid_value, duplicate_entity,
 * negative_value_geometric).
 */
export function computeRating(method: Method, rows: readonly RatingRow[]): RatingResult {
  const p = prepare(method, rows);
  const { n, m } = p;
  const indicators = p.method.indicators;
  const geometric = p.method.aggregation === "geometric";

  const scores = new Float64Array(n);
  scoreInto(p, p.weights, scores);
  const ranks = new Int32Array(n);
  rankInto(scores, new Float64Array(n), TIE_TOLERANCE, (i, rank) => {
    ranks[i] = rank;
  });

  const entities: RatedEntity[] = [];
  for (let i = 0; i < n; i++) {
    const perIndicator: IndicatorScore[] = [];
    for (let j = 0; j < m; j++) {
      const rawValue = p.raw[i * m + j]!;
      const x = p.normalised[i * m + j]!;
      const w = p.weights[j]!;
      const flag = p.imputed[i * m + j];
      perIndicator.push({
        code: indicators[j]!.code,
        raw: Number.isNaN(rawValue) ? null : rawValue,
        imputed: flag === 1 ? "mean" : flag === 2 ? "zero" : null,
        normalised: x,
        weight: w,
        contribution: geometric ? Math.pow(x + GEOMETRIC_EPSILON, w) : w * x,
      });
    }
    entities.push({ entityId: p.ids[i]!, score: scores[i]!, rank: ranks[i]!, indicators: perIndicator });
  }
  // ids are already sorted, and Array.prototype.sort is stable.
  entities.sort((a, b) => a.rank - b.rank);

  return { aggregation: p.method.aggregation, entities, excluded: p.excluded };
}

// ---------------------------------------------------------------------------
// Sensitivity analysis
// ---------------------------------------------------------------------------

/** mulberry32: tiny 32-bit seeded PRNG, returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SensitivityOptions {
  /** Number of Monte Carlo draws (positive integer). Default 1000. */
  draws?: number;
  /** Each weight is multiplied by U[1 − spread, 1 + spread); 0 ≤ spread < 1. Default 0.2. */
  spread?: number;
  /** PRNG seed, coerced to an unsigned 32-bit integer (`seed >>> 0`). Default 1. */
  seed?: number;
  /** Entity is robust when p95 − p5 ≤ robustWidth. Default 2. */
  robustWidth?: number;
}

export interface SensitivityEntity {
  entityId: string;
  /** Rank with the unperturbed weights (same as `computeRating`). */
  baseRank: number;
  minRank: number;
  maxRank: number;
  /** 5th / 95th percentile of the rank, nearest-rank method. */
  p5: number;
  p95: number;
  robust: boolean;
}

export interface SensitivityResult {
  draws: number;
  spread: number;
  seed: number;
  robustWidth: number;
  /** Base rank ascending, then entityId. */
  entities: SensitivityEntity[];
  excluded: ExcludedEntity[];
}

/** Nearest-rank percentile of an ascending array: element ⌈p/100 · N⌉ (1-based). */
function nearestRank(sorted: ArrayLike<number>, percent: number): number {
  const index = Math.max(1, Math.ceil((percent * sorted.length) / 100)) - 1;
  return sorted[index]!;
}

/**
 * Monte Carlo weight sensitivity. Each draw multiplies every weight by an
 * independent uniform factor in [1 − spread, 1 + spread), renormalises the
 * weights to sum 1 and re-ranks all entities. Normalisation does not depend
 * on the weights, so the normalised matrix is computed once; a draw costs one
 * weighted sum per entity plus a sort of the scores. Random numbers are drawn
 * in a fixed order (draw by draw, indicator by indicator), so the same seed
 * always gives the same result.
 *
 * Ranks per draw are found by sorting a copy of the scores (native typed-array
 * sort) and locating each entity's score + TIE_TOLERANCE in it, starting from
 * the entity's position in the previous draw; this yields exactly the same
 * competition ranks as `computeRating`. Memory: draws × entities 16-bit ranks
 * (32-bit beyond 65,535 entities), e.g. 20 MB for 10,000 × 1,000.
 *
 * Robustness rule: an entity is robust when its 90 % rank interval is narrow,
 * p95 − p5 ≤ robustWidth (default 2 positions).
 */
export function sensitivity(
  method: Method,
  rows: readonly RatingRow[],
  options: SensitivityOptions = {},
): SensitivityResult {
  const { draws = 1000, spread = 0.2, seed = 1, robustWidth = 2 } = options;
  if (!Number.isInteger(draws) || draws < 1) throw new RatingError("invalid_options", ["draws"]);
  if (!(spread >= 0 && spread < 1)) throw new RatingError("invalid_options", ["spread"]);
  if (typeof seed !== "number" || !Number.isFinite(seed)) throw new RatingError("invalid_options", ["seed"]);
  if (!(robustWidth >= 0)) throw new RatingError("invalid_options", ["robustWidth"]);

  const p = prepare(method, rows);
  const { n, m } = p;
  const random = mulberry32(seed);

  const scores = new Float64Array(n);
  const sortedScratch = new Float64Array(n);
  const weights = new Float64Array(m);

  // Base ranks.
  const baseRanks = new Int32Array(n);
  scoreInto(p, p.weights, scores);
  rankInto(scores, sortedScratch, TIE_TOLERANCE, (i, rank) => {
    baseRanks[i] = rank;
  });
  // Upper-bound position of each entity in the previous draw (rank = 1 + n − position).
  const hints = Int32Array.from(baseRanks, (rank) => 1 + n - rank);

  // Draw-major storage: the ranks of draw d live in ranks[d * n .. (d + 1) * n),
  // so each draw writes one contiguous block.
  const ranks = n <= 0xffff ? new Uint16Array(n * draws) : new Uint32Array(n * draws);
  for (let d = 0; d < draws; d++) {
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const factor = 1 - spread + 2 * spread * random();
      const w = p.weights[j]! * factor;
      weights[j] = w;
      sum += w;
    }
    for (let j = 0; j < m; j++) weights[j] = weights[j]! / sum;
    scoreInto(p, weights, scores);
    sortedScratch.set(scores);
    sortedScratch.sort();
    const offset = d * n;
    for (let i = 0; i < n; i++) {
      const position = upperBoundFrom(sortedScratch, scores[i]! + TIE_TOLERANCE, hints[i]!);
      hints[i] = position;
      ranks[offset + i] = 1 + n - position;
    }
  }

  // Gather each entity's ranks across draws. Entities are processed in blocks
  // so that the strided reads stay cache-friendly.
  const entities: SensitivityEntity[] = [];
  const BLOCK = 64;
  const block = new Uint32Array(BLOCK * draws);
  for (let start = 0; start < n; start += BLOCK) {
    const size = Math.min(BLOCK, n - start);
    for (let d = 0; d < draws; d++) {
      const offset = d * n + start;
      for (let k = 0; k < size; k++) block[k * draws + d] = ranks[offset + k]!;
    }
    for (let k = 0; k < size; k++) {
      const i = start + k;
      const own = block.subarray(k * draws, (k + 1) * draws).sort();
      const p5 = nearestRank(own, 5);
      const p95 = nearestRank(own, 95);
      entities.push({
        entityId: p.ids[i]!,
        baseRank: baseRanks[i]!,
        minRank: own[0]!,
        maxRank: own[draws - 1]!,
        p5,
        p95,
        robust: p95 - p5 <= robustWidth,
      });
    }
  }
  entities.sort((a, b) => a.baseRank - b.baseRank);

  return { draws, spread, seed, robustWidth, entities, excluded: p.excluded };
}
