import { vi } from "vitest";

/**
 * The moment the integration tests' seed runs at (tests/setup/integration.ts fakes the clock while seeding):
 * the `NOW` most integration tests use, so the seeded data does not depend on the day the tests run.
 */
export const SEED_TIME = new Date("2026-11-23T10:00:00Z");

/**
 * Starts the clock (`Date` only, timers stay real) `afterSeed` milliseconds after SEED_TIME and lets it run
 * on, for code under test that reads the clock itself (e.g. an account's age from its seeded creation time).
 * Undo with `vi.useRealTimers()`.
 */
export function startClockAfterSeed(afterSeed: number): void {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(SEED_TIME.getTime() + afterSeed));
}
