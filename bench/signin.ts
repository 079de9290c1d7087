/**
 * `npm run bench:signin [-- --attempts 30 --rounds 5]`: sign-in throttling under a race. Each round sends
 * `attempts` concurrent sign-ins for one login (all but one with a wrong password, the right one in the
 * middle) and counts how many passwords were checked (scrypt runs); the limit is MAX_FAILURES per login.
 *
 * On in-memory PGlite, or on the PostgreSQL of TEST_DATABASE_URL (its public schema is dropped, migrated and
 * seeded with `tiny`), where the attempts really run on separate connections. Writes bench/results/signin-<date>.json.
 */
import { loadavg } from "node:os";
import { prisma } from "../lib/db";
import { credentialStats, MAX_FAILURES, verifyCredentials } from "../lib/auth/credentials";
import { DEMO_PASSWORD } from "../prisma/seed";
import { closeBenchDatabase, log, option, openBenchDatabase, writeResult } from "./lib";

const ATTEMPTS = option("attempts", 30);
const ROUNDS = option("rounds", 5);

const { label } = await openBenchDatabase();
const rounds: { checked: number; accepted: number; locked: number }[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    await prisma.loginThrottle.deleteMany({ where: { key: "teacher" } });
    await prisma.rateLimit.deleteMany({});
    const before = credentialStats.passwordChecks;
    const right = Math.floor(ATTEMPTS / 2);
    const results = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        verifyCredentials(
          { login: "teacher", password: i === right ? DEMO_PASSWORD : `wrong-${round}-${i}` },
          { address: `192.0.2.${i + 1}` },
        ),
      ),
    );
    const figures = {
      checked: credentialStats.passwordChecks - before,
      accepted: results.filter((r) => r.ok).length,
      locked: results.filter((r) => !r.ok && r.reason === "locked").length,
    };
    rounds.push(figures);
    log(
      `round ${round + 1}: ${ATTEMPTS} concurrent attempts → ${figures.checked} passwords checked ` +
        `(limit ${MAX_FAILURES}), ${figures.accepted} accepted, ${figures.locked} refused as locked`,
    );
  }
} finally {
  await closeBenchDatabase();
}
const maxChecked = Math.max(...rounds.map((r) => r.checked));
console.log(
  `${label}: at most ${maxChecked} passwords checked per ${ATTEMPTS} concurrent attempts (limit ${MAX_FAILURES})`,
);
writeResult("signin", {
  database: label,
  attempts: ATTEMPTS,
  limit: MAX_FAILURES,
  maxChecked,
  rounds,
  loadavg: loadavg(),
});
if (maxChecked > MAX_FAILURES) process.exitCode = 1;
