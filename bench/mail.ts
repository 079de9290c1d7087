/**
 * `npm run bench:mail [-- --count 100000]` (or MAIL_BENCH_COUNT=20000): the mail outbox draining a large queue.
 *
 * 1. A throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL), migrated and seeded
 *    (`tiny`); `--count` notification mails (forum replies, three languages) queued with one INSERT … SELECT.
 * 2. A real SMTP server (`smtp-server`) in a child process, so that receiving does not share this process's
 *    event loop; the queue is drained by the job's own code (`drainAllMail` through the pooled nodemailer
 *    transport) until empty: messages per second, and the messages the server received.
 * 3. Meanwhile an ordinary page's reads (a person's notification list and unread count, as /notifications
 *    asks them) run every 25 ms: p50/p95 while the queue drains, against the same reads with an idle queue.
 * 4. Resident memory sampled every 100 ms: before queueing, after queueing, the peak while draining; the
 *    drain holds one batch (200 rows) at a time, so its own memory does not grow with the queue.
 *
 * Writes bench/results/mail-<date>-<db>.json.
 */
import { spawn } from "node:child_process";
import { closeBenchDatabase, log, ms, openBenchDatabase, option, percentile, round, writeResult } from "./lib";
import { prisma } from "../lib/db";
import { drainAllMail } from "../lib/mail/outbox";
import { smtpTransport } from "../lib/mail/transport";
import { listNotifications, unreadCount } from "../lib/notifications/notifications";

const COUNT = process.env.MAIL_BENCH_COUNT ? Number(process.env.MAIL_BENCH_COUNT) : option("count", 100_000);
const CONCURRENCY = option("concurrency", 8);
const BATCH = option("batch", 200);

/** The SMTP sink: a child process that counts what it receives and reports on request. */
const SINK = `
import { SMTPServer } from "smtp-server";
let received = 0, bytes = 0;
const server = new SMTPServer({
  authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false, size: 1 << 20,
  onData(stream, _s, cb) { stream.on("data", (c) => { bytes += c.length; }); stream.on("end", () => { received++; cb(); }); },
});
server.listen(0, "127.0.0.1", () => process.stdout.write(JSON.stringify({ port: server.server.address().port }) + "\\n"));
process.stdin.on("data", () => process.stdout.write(JSON.stringify({ received, bytes }) + "\\n"));
`;

function startSink(): Promise<{
  port: number;
  stats: () => Promise<{ received: number; bytes: number }>;
  stop: () => void;
}> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", SINK], { stdio: ["pipe", "pipe", "inherit"] });
  const waiting: ((line: string) => void)[] = [];
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let i;
    while ((i = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      waiting.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  return next().then((line) => ({
    port: (JSON.parse(line) as { port: number }).port,
    stats: async () => {
      const answer = next();
      child.stdin.write("?\n");
      return JSON.parse(await answer) as { received: number; bytes: number };
    },
    stop: () => child.kill(),
  }));
}

const rssMb = () => round(process.memoryUsage().rss / 2 ** 20, 0);

/** The reads of an ordinary signed-in page (/notifications): the first page of the list and the unread count. */
async function pageReads(): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all([listNotifications("u_teacher", { page: 1, pageSize: 20 }), unreadCount("u_teacher")]);
  return ms(start);
}

/** Runs the page's reads every `everyMs` until `stop()`; returns their durations. */
function pageLoop(everyMs: number) {
  const times: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      times.push(await pageReads());
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return times;
    },
  };
}

const { label } = await openBenchDatabase();
const sink = await startSink();
try {
  console.log(`Mail benchmark: ${COUNT} queued notification mails, ${label}`);
  const rssBefore = rssMb();
  let start = process.hrtime.bigint();
  await prisma.$executeRaw`
    INSERT INTO "MailOutbox" ("to", template, locale, params)
    SELECT 'person' || i || '@bench.example.kz', 'notification', (ARRAY['kk','ru','en'])[1 + i % 3],
           jsonb_build_object('kind', 'forums_reply',
             'payload', jsonb_build_object('threadId', 't' || (i % 500), 'postNumber', 1 + i % 40,
                                           'title', 'Тақырып ' || (i % 500), 'by', 'Айгерім Ахметова'),
             'unsubscribe', 'u' || i || '.forums.signature')
      FROM generate_series(1, ${COUNT}::int) AS i`;
  const queueSeconds = ms(start) / 1000;
  const rssQueued = rssMb();
  log(`queued ${COUNT} in ${round(queueSeconds)} s; RSS ${rssBefore} → ${rssQueued} MB`);

  // the page's reads with an idle queue
  for (let i = 0; i < 20; i++) await pageReads();
  const idleLoop = pageLoop(25);
  await new Promise((r) => setTimeout(r, 3000));
  const idle = await idleLoop.stop();

  const transport = smtpTransport(`smtp://127.0.0.1:${sink.port}`, { maxConnections: 4 });
  let peak = rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  const progress = setInterval(async () => {
    const s = await sink.stats();
    process.stdout.write(`\r  received ${s.received}…`);
  }, 5000);
  const busyLoop = pageLoop(25);
  start = process.hrtime.bigint();
  const result = await drainAllMail(transport, { budgetMs: 24 * 3_600_000, limit: BATCH, concurrency: CONCURRENCY });
  const drainSeconds = ms(start) / 1000;
  const busy = await busyLoop.stop();
  clearInterval(sampler);
  clearInterval(progress);
  transport.close();
  const received = await sink.stats();
  const left = await prisma.mailOutbox.count({ where: { status: "QUEUED" } });
  process.stdout.write("\n");

  const stat = (values: number[]) => ({
    runs: values.length,
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    maxMs: round(Math.max(...values)),
  });
  const out = {
    database: label,
    count: COUNT,
    batch: BATCH,
    concurrency: CONCURRENCY,
    smtpConnections: 4,
    queueSeconds: round(queueSeconds),
    drainSeconds: round(drainSeconds),
    messagesPerSecond: round(result.sent / drainSeconds, 0),
    sent: result.sent,
    failed: result.failed,
    retried: result.retried,
    receivedBySmtpServer: received.received,
    receivedMb: round(received.bytes / 2 ** 20),
    leftQueued: left,
    rssMb: { beforeQueue: rssBefore, afterQueue: rssQueued, peakWhileDraining: peak, afterDrain: rssMb() },
    pageReadsIdle: stat(idle),
    pageReadsWhileDraining: stat(busy),
  };
  log(`drained ${result.sent} in ${out.drainSeconds} s: ${out.messagesPerSecond} messages/s`);
  log(`SMTP server received ${received.received} (${out.receivedMb} MB); ${left} left queued`);
  log(`RSS MB: ${JSON.stringify(out.rssMb)}`);
  log(`page reads idle p50/p95 ${out.pageReadsIdle.p50Ms}/${out.pageReadsIdle.p95Ms} ms`);
  log(`page reads while draining p50/p95 ${out.pageReadsWhileDraining.p50Ms}/${out.pageReadsWhileDraining.p95Ms} ms`);
  writeResult("mail", out, process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
} finally {
  sink.stop();
  await closeBenchDatabase();
}
