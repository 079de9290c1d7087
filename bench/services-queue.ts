/**
 * `npm run bench:services-queue [-- --count 500]`: the preschool queue of one district under load.
 *
 * Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL) with the `tiny`
 * seed, then in Kokshetau's queue:
 *  - `--count` parents' applications one after another (every tenth in the priority category, so the
 *    others move down and are notified) — applications per second and p50/p95 per one as the queue grows;
 *  - offers and acceptances at the head of the queue (each acceptance renumbers the whole queue and
 *    notifies everyone who moved up) — p50/p95 per acceptance with a queue of about `--count`;
 *  - the district's queue page query — p50/p95.
 * Prints the figures and writes bench/results/services-queue-<date>-<pglite|postgres>.json.
 */
import { closeBenchDatabase, log, ms, openBenchDatabase, option, round, summary, writeResult } from "./lib";
import { loadViewer } from "../lib/auth/access";
import { prisma } from "../lib/db";
import { iinPrefix, withCheckDigit } from "../lib/identity";
import { answerOffer, applyPreschool, districtQueue, offerPlace } from "../lib/services/preschool";

const COUNT = option("count", 500);
const ACCEPTS = option("accepts", 20);
const NOW = new Date("2026-12-03T06:00:00Z");

const { label } = await openBenchDatabase();
try {
  console.log(`Preschool queue benchmark on ${label}: ${COUNT} applications, ${ACCEPTS} accepted places`);
  const parent = (await loadViewer("u_parent"))!;
  const district = (await loadViewer("u_district"))!;
  const territoryId = district.roles.find((r) => r.role === "DISTRICT_ADMIN")!.territoryId!;
  const kindergarten = (
    await prisma.organization.findFirstOrThrow({ where: { territoryId, kind: { code: "PRESCHOOL" } } })
  ).id;
  const iins: string[] = [];
  for (let serial = 0; iins.length < COUNT + 10; serial++) {
    const iin = withCheckDigit(iinPrefix("2023-03-01", "FEMALE") + String(serial).padStart(4, "0"));
    if (iin) iins.push(iin);
  }
  const at = (i: number) => new Date(NOW.getTime() + i * 1000);

  const applyTimes: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) {
    const t = process.hrtime.bigint();
    await applyPreschool(
      parent,
      {
        childIin: iins[i]!,
        childLastName: `Бала${i}`,
        childFirstName: "Ая",
        territoryId,
        preferredOrganizationIds: [kindergarten],
        priority: i % 10 === 9 ? 1 : 0,
      },
      at(i),
    );
    applyTimes.push(ms(t));
  }
  const applyMs = ms(start);
  const perSecond = round((COUNT / applyMs) * 1000);
  log(
    `applications: ${perSecond}/s (${COUNT} in ${round(applyMs / 1000, 2)} s); per application ${JSON.stringify(summary(applyTimes))} ms`,
  );
  const notified = await prisma.notification.count({ where: { kind: "services_queue_moved" } });
  log(`  position-change notifications written: ${notified}`);

  const acceptTimes: number[] = [];
  for (let i = 0; i < ACCEPTS; i++) {
    const head = await prisma.serviceApplication.findFirstOrThrow({
      where: { kind: "PRESCHOOL", territoryId, queuePosition: 1 },
    });
    await offerPlace(
      district,
      { applicationId: head.id, version: head.version, organizationId: kindergarten },
      at(COUNT + i),
    );
    const t = process.hrtime.bigint();
    await answerOffer(parent, { applicationId: head.id, version: head.version + 1, accept: true }, at(COUNT + i));
    acceptTimes.push(ms(t));
  }
  log(`accepting a place (renumbers a queue of ~${COUNT}): ${JSON.stringify(summary(acceptTimes))} ms`);

  const queueTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = process.hrtime.bigint();
    const rows = await districtQueue(district, {});
    queueTimes.push(ms(t));
    if (rows[0]?.queuePosition !== 1) throw new Error("the queue does not start at position 1");
  }
  log(`district queue page query: ${JSON.stringify(summary(queueTimes))} ms`);

  writeResult(
    "services-queue",
    {
      database: label,
      count: COUNT,
      accepts: ACCEPTS,
      apply: { perSecond, ms: summary(applyTimes), notifications: notified },
      accept: { ms: summary(acceptTimes) },
      queuePage: { ms: summary(queueTimes) },
    },
    process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
  );
} finally {
  await closeBenchDatabase();
}
