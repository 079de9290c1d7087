/**
 * Spaced repetition for flashcards: a compact SM-2 variant with four answers. Success makes the interval
 * grow (1 day, 3 days, then × ease); "again" brings the card back in ten minutes and lowers its ease.
 * Pure: the caller stores the state.
 */
export const GRADES = ["again", "hard", "good", "easy"] as const;
export type Grade = (typeof GRADES)[number];

export interface CardState {
  repetitions: number;
  intervalDays: number;
  ease: number;
  lapses: number;
}

export interface ScheduledCard extends CardState {
  dueAt: Date;
}

const MIN_EASE = 1.3;
const MAX_INTERVAL_DAYS = 365;
const DAY_MS = 86_400_000;
const RELEARN_MS = 10 * 60_000;

export const NEW_CARD: CardState = { repetitions: 0, intervalDays: 0, ease: 2.5, lapses: 0 };

export function schedule(state: CardState, grade: Grade, now: Date = new Date()): ScheduledCard {
  const { repetitions, lapses } = state;
  let { intervalDays, ease } = state;
  if (grade === "again") {
    return {
      repetitions: 0,
      intervalDays: 0,
      ease: round2(Math.max(MIN_EASE, ease - 0.2)),
      lapses: lapses + 1,
      dueAt: new Date(now.getTime() + RELEARN_MS),
    };
  }
  if (grade === "hard") {
    intervalDays = Math.max(1, Math.round(intervalDays * 1.2));
    ease = Math.max(MIN_EASE, ease - 0.15);
  } else if (grade === "good") {
    intervalDays =
      repetitions === 0
        ? 1
        : repetitions === 1
          ? Math.max(3, intervalDays + 1)
          : Math.max(intervalDays + 1, Math.round(intervalDays * ease));
  } else {
    intervalDays = repetitions === 0 ? 4 : Math.max(intervalDays + 2, Math.round(intervalDays * ease * 1.3));
    ease = ease + 0.15;
  }
  intervalDays = Math.min(MAX_INTERVAL_DAYS, intervalDays);
  return {
    repetitions: repetitions + 1,
    intervalDays,
    ease: round2(ease),
    lapses,
    dueAt: new Date(now.getTime() + intervalDays * DAY_MS),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
