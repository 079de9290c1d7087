/**
 * The organisation passport's closed lists and pure figures, shared by the services, the pages and the tests.
 */
import { almatyDate } from "../time";

export const CONDITIONS = ["NORMAL", "NEEDS_REPAIR", "EMERGENCY"] as const;
export const OWNERSHIPS = ["STATE", "RENTED", "TRUST"] as const;
export const INTERNET_TYPES = ["NONE", "ADSL", "FIBRE", "SATELLITE", "MOBILE"] as const;
export const BUDGET_SOURCES = ["REPUBLICAN", "LOCAL", "PER_CAPITA", "PAID_SERVICES", "SPONSORSHIP"] as const;
export const EXPENSE_LINES = ["SALARIES", "UTILITIES", "FOOD", "EQUIPMENT", "REPAIRS", "OTHER"] as const;
export const QUARTERS = [1, 2, 3, 4] as const;

/** The territory lists of the authorities. */
export const LISTS = ["overcrowded", "threeShift", "emergency", "noInternet", "noGym", "spending"] as const;
export type ListKind = (typeof LISTS)[number];

export type Condition = (typeof CONDITIONS)[number];

/** The year in Almaty (budgets, year built). */
export function almatyYear(now = new Date()): number {
  return Number(almatyDate(now).slice(0, 4));
}

/** Budget years accepted: five years back to the next one. */
export function budgetYears(now = new Date()): number[] {
  const y = almatyYear(now);
  return [y + 1, y, y - 1, y - 2, y - 3, y - 4, y - 5];
}

/** Enrolment above capacity, in per cent of capacity (0 when within it); null when either is unknown. */
export function overcrowding(capacity: number | null, enrolment: number | null): number | null {
  if (!capacity || enrolment === null) return null;
  return Math.max(0, Math.round(((enrolment - capacity) / capacity) * 1000) / 10);
}

/** Spending per pupil in whole tenge; null without enrolment. */
export function perPupil(amount: number | null, enrolment: number | null): number | null {
  if (amount === null || !enrolment) return null;
  return Math.round(amount / enrolment);
}

/** The worse of two conditions. */
export function worse(a: Condition, b: Condition): Condition {
  return CONDITIONS.indexOf(a) >= CONDITIONS.indexOf(b) ? a : b;
}
