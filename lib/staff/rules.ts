/**
 * The personnel registry's closed lists and pure rules, shared by the services, the pages and the tests.
 *
 * Hours: a teacher's weekly teaching load is capped at 36 hours over all the appointments in force at the
 * same time — the reduced working week of pedagogues (Labour Code of the Republic of Kazakhstan, art. 69: no
 * more than 36 hours a week), which also bounds the teaching hours of a main job plus part-time ones. A
 * single appointment's rate is 0.25–1.5 of a full rate in steps of 0.25.
 *
 * Categories: педагог (no_category) → модератор → сарапшы → зерттеуші → шебер; a category is awarded for
 * five years, and an award may raise the category by one step at most (a skipped step is refused); keeping
 * or lowering the category is allowed (re-attestation, a refusal's consequence).
 */
export const QUALIFICATION_CATEGORIES = ["no_category", "moderator", "expert", "researcher", "master"] as const;
export type QualificationCategory = (typeof QUALIFICATION_CATEGORIES)[number];

export const EMPLOYMENT_KINDS = ["MAIN", "PART_TIME"] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

export const END_REASONS = ["RESIGNATION", "DISMISSAL", "RETIREMENT", "CONTRACT_END", "OTHER"] as const;
/** Every end reason, including the one a transfer writes. */
export const ALL_END_REASONS = ["TRANSFER", ...END_REASONS] as const;

export const VACANCY_STATUSES = ["OPEN", "FILLED", "WITHDRAWN"] as const;

/** The legal maximum of weekly teaching hours of one person over overlapping appointments. */
export const MAX_WEEKLY_HOURS = 36;
export const MIN_RATE = 0.25;
export const MAX_RATE = 1.5;
/** Years a category is valid. */
export const CATEGORY_YEARS = 5;
/** Whom the "due within 12 months" list shows. */
export const DUE_MONTHS = 12;

export function categoryRank(c: QualificationCategory): number {
  return QUALIFICATION_CATEGORIES.indexOf(c);
}

/** Whether an award of `next` over `current` skips a step (a jump of more than one level up). */
export function skipsCategory(current: QualificationCategory, next: QualificationCategory): boolean {
  return categoryRank(next) - categoryRank(current) > 1;
}

/** The expiry of a category awarded on `awardedOn` ("YYYY-MM-DD"); none for the base category. */
export function defaultExpiry(category: QualificationCategory, awardedOn: string): string | null {
  if (category === "no_category") return null;
  const [y, m, d] = awardedOn.split("-");
  return `${Number(y) + CATEGORY_YEARS}-${m}-${d}`;
}

/** A validity interval of calendar days ("YYYY-MM-DD"), `end` inclusive, null: open. */
export interface Interval {
  start: string;
  end: string | null;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return (a.end === null || b.start <= a.end) && (b.end === null || a.start <= b.end);
}

/** Whether a rate is one the registry accepts (0.25 … 1.5 in quarters). */
export function validRate(rate: number): boolean {
  return rate >= MIN_RATE && rate <= MAX_RATE && Number.isInteger(rate * 4);
}

/**
 * Contact details a public text must not hold: an e-mail address, or a phone number (seven or more digits,
 * possibly with +, spaces, brackets, dots or dashes between them; dates are not numbers). Contact goes through the portal's messages.
 */
export function containsContact(text: string): "email" | "phone" | null {
  if (/[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[\p{L}]{2,}/u.test(text)) return "email";
  const withoutDates = text.replace(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g, " ");
  if (/(?:\+?\d[\s().-]{0,3}){7,}/.test(withoutDates)) return "phone";
  return null;
}

/**
 * Attestation (the rules of attestation of pedagogues, order No. 83 of 27.01.2016 as amended): a teacher applies
 * for the next category only (one step up from the category in force; no application above педагог-шебер),
 * while no application of theirs is open, and not earlier than MIN_YEARS_IN_CATEGORY years after the category
 * in force was awarded (for the base category: after the start of their earliest appointment — the pedagogical
 * experience). The commission that decides is the one of the level this table gives the category applied for;
 * the data-driven table is the one place to change it.
 */
export const MIN_YEARS_IN_CATEGORY = 2;
export const COMMISSION_LEVELS = ["district", "region", "ministry"] as const;
export type CommissionLevel = (typeof COMMISSION_LEVELS)[number];
export const COMMISSION_LEVEL: Record<Exclude<QualificationCategory, "no_category">, CommissionLevel> = {
  moderator: "district",
  expert: "district",
  researcher: "region",
  master: "ministry",
};
/** The administrator's role that sits on the commission of each level (its territory is the role's scope). */
export const COMMISSION_ROLE = {
  district: "DISTRICT_ADMIN",
  region: "REGION_ADMIN",
  ministry: "MINISTRY_ADMIN",
} as const satisfies Record<CommissionLevel, string>;

/** The category one step above `current`, or null above the top. */
export function nextCategory(current: QualificationCategory): Exclude<QualificationCategory, "no_category"> | null {
  const next = QUALIFICATION_CATEGORIES[categoryRank(current) + 1];
  return (next as Exclude<QualificationCategory, "no_category"> | undefined) ?? null;
}

/** The first day a teacher may apply, counted from `since` ("YYYY-MM-DD", the award or first appointment). */
export function eligibleFrom(since: string): string {
  const [y, m, d] = since.split("-");
  return `${Number(y) + MIN_YEARS_IN_CATEGORY}-${m}-${d === "29" && m === "02" ? "28" : d}`;
}

/**
 * Professional development. The hours policy — the one place for the figure: a teacher completes at least
 * 72 hours of professional development courses within 5 years (the periodicity of upgrading qualifications
 * of pedagogues, once in five years, with the 72-hour minimum course length of the ministry's rules); the
 * card shows the hours of the last five years and "below the required 72 hours" under it.
 */
export const COURSE_HOURS_POLICY = { hours: 72, years: 5 } as const;
/** The longest course counted (hours of one course or one completion). */
export const MAX_COURSE_HOURS = 2000;
/** The most places a course run may offer. */
export const MAX_SEATS = 1000;
/** The organisation kind (classifier ORG_KIND) of a provider whose administrator keeps its courses. */
export const PROVIDER_KIND = "PD_INSTITUTE";
export const COURSE_FORMATS = ["IN_PERSON", "ONLINE", "BLENDED"] as const;
