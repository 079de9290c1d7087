/**
 * Creates the due reporting reminders (7 days and 1 day before a deadline, after it; district digests of
 * overdue organisations). Idempotent: safe to run from cron as often as wanted.
 *
 *   npm run reporting:remind [-- --now 2026-11-24T09:00:00Z]
 */
import { useDatabase, closeDatabase } from "../lib/db";
import { generateReminders } from "../lib/reporting/reminders";
import { flags, openForCli, run } from "./cli";

await run(async () => {
  const f = flags();
  const now = typeof f.now === "string" ? new Date(f.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now: not a date: ${String(f.now)}`);
  useDatabase(openForCli());
  try {
    const result = await generateReminders(now);
    console.log(
      `Reminders at ${now.toISOString()}: ${result.periods} period(s) checked, ${result.created} new notification(s), ${result.escalated} escalation(s), ${result.passed} passed through.`,
    );
  } finally {
    await closeDatabase();
  }
});
