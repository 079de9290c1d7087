/**
 * Data packages and archive benchmark (`npm run bench:packages`).
 *
 * 1. Prepares the database: PostgreSQL when DATABASE_URL (or TEST_DATABASE_URL) is set — its public schema is
 *    dropped and recreated — otherwise PGlite in `--dir` (default ./data/bench-packages, recreated); migrated, `demo` seed,
 *    extra P-1 periods (at least `--periods`, default 20) so that every package becomes a new submission, one
 *    registered Ed25519 key per school.
 * 2. Starts the production server on it (`scripts/start.ts`, port `--port`, default 3245), pre-signs
 *    2 × `--packages` (default 4,000) small P-1 packages (~370 bytes), and sends them over loopback HTTP with
 *    `--senders` (default 20) concurrent senders: the first half with Node's fetch (20 loops in this
 *    process), the second half with autocannon (20 connections; a lighter client, which matters when the
 *    client and the server share two cores). Reports accepted packages per second, latency p50/p99 and the
 *    statuses of each, and the same for packages refused after authentication. Then stops the server.
 * 3. Where the time goes: in-process (no HTTP) timings of the signature check alone, of a package refused
 *    after authentication (key lookup, signature, parsing, sender check) and of a package accepted (the
 *    same plus validation, draft, hand-over through the workflow, storage, receipt).
 * 4. Archive: export of the resulting database (demo seed + the packages) and restore into an empty
 *    in-memory database: time and size.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, statSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { openDatabase } from "../lib/db/driver";
import { closeDatabase, useDatabase } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { seed } from "../prisma/seed";
import { generateKeyPair, fingerprint, verifyBytes } from "../lib/packages/crypto";
import { buildPackage, signPackage, type SignedPackage } from "../lib/packages/sender";
import { KEY_HEADER, SIGNATURE_HEADER } from "../lib/packages/format";
import { exportArchive, restoreArchive } from "../lib/archive/archive";
import autocannon from "autocannon";
import { flag, log, ms, option, percentile, round, textOption, timeRuns, writeResult } from "./lib";

const dir = textOption("dir") ?? "./data/bench-packages";
const port = option("port", 3245);
const total = option("packages", 4000);
const senders = option("senders", 20);
const extraPeriods = option("periods", 20);
const origin = `http://127.0.0.1:${port}`;
const pgliteDir = join(dir, "pglite");
const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const dbKind = databaseUrl ? "postgres" : "pglite";
const openBench = () => openDatabase(databaseUrl ? { url: databaseUrl } : { dir: pgliteDir });

const passport = (i: number) => ({
  "general.director": `Director ${i}`,
  "general.founded": 1950 + (i % 70),
  "general.language": "KK",
  "general.capacity": 300 + (i % 900),
  "general.internet": true,
  "general.computers": 20 + (i % 50),
});

interface Sender {
  bin: string;
  key: { publicKey: string; privateKey: string };
}

async function prepare(): Promise<{ senders: Sender[]; periods: string[] }> {
  rmSync(dir, { recursive: true, force: true });
  const db = openBench();
  if (db.kind === "postgres") await db.raw.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  const started = process.hrtime.bigint();
  await migrate(db.raw);
  await seed(db.prisma, "demo");
  log(`demo seed in ${round(ms(started) / 1000)} s`);
  const schools = await db.prisma.organization.findMany({
    where: { kind: { code: "SCHOOL" }, status: "ACTIVE" },
    select: { id: true, bin: true },
    orderBy: { bin: "asc" },
  });
  const periods: string[] = [];
  // enough periods for every package to be a new submission
  const needed = Math.max(extraPeriods, Math.ceil((2 * total) / Math.max(1, schools.length)));
  for (let i = 1; i <= needed; i++) {
    const label = `bench-${String(i).padStart(3, "0")}`;
    await db.prisma.reportingPeriod.create({
      data: {
        id: `rp_bench_${i}`,
        formId: "f2026_p1",
        label,
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        dueDate: new Date("2026-12-31"),
        deadlineAt: new Date("2026-12-31T18:59:59Z"),
      },
    });
    periods.push(label);
  }
  const out: Sender[] = [];
  for (const s of schools) {
    const key = generateKeyPair();
    out.push({ bin: s.bin, key });
    await db.prisma.packageKey.create({
      data: {
        organizationId: s.id,
        publicKey: key.publicKey,
        fingerprint: fingerprint(key.publicKey),
        label: "bench",
        validFrom: new Date("2020-01-01"),
        validTo: new Date("2099-01-01"),
        createdById: "u_ministry",
      },
    });
  }
  await db.close();
  log(`${schools.length} schools with keys, ${periods.length} extra P-1 periods`);
  return { senders: out, periods };
}

// ── server ──
let server: ChildProcess | undefined;
const serverLog: string[] = [];

function startServer(): ChildProcess {
  // on PostgreSQL the start is a production one: `--seed demo` says the demo accounts are meant to be there
  const args = ["--import", "tsx", "scripts/start.ts", ...(databaseUrl ? ["--seed", "demo"] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) serverLog.push(line);
    if (serverLog.length > 200) serverLog.splice(0, serverLog.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return child;
}

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid!, "SIGINT");
  } catch {
    /* gone */
  }
  await done;
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined)
      throw new Error(`the server exited:\n${serverLog.slice(-30).join("\n")}`);
    try {
      if ((await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not become healthy:\n${serverLog.slice(-30).join("\n")}`);
}

const unexpected: string[] = [];

async function post(p: SignedPackage): Promise<number> {
  const res = await fetch(`${origin}/api/v1/packages`, {
    method: "POST",
    headers: { "content-type": "application/json", [KEY_HEADER]: p.keyId, [SIGNATURE_HEADER]: p.signature },
    body: p.bytes as Uint8Array<ArrayBuffer>,
  });
  const body = await res.text();
  // an unexpected refusal of a package meant to be accepted: show why (a few)
  if (res.status === 422 && unexpected.length < 5) unexpected.push(body.slice(0, 600));
  return res.status;
}

/**
 * Sends every package once over `senders` keep-alive connections with autocannon (a light client: the
 * server and the client share this machine's cores). Returns elapsed ms, statuses and the latency figures.
 */
async function blast(list: SignedPackage[]) {
  let next = 0;
  const started = process.hrtime.bigint();
  // autocannon notices the end of a fixed amount only at its next one-second tick: time to the last response
  let last = started;
  const run = autocannon({
    url: `${origin}/api/v1/packages`,
    connections: senders,
    amount: list.length,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const p = list[next++ % list.length]!;
          return {
            ...request,
            method: "POST",
            headers: { "content-type": "application/json", [KEY_HEADER]: p.keyId, [SIGNATURE_HEADER]: p.signature },
            body: Buffer.from(p.bytes),
          };
        },
      },
    ],
  });
  run.on("response", () => {
    last = process.hrtime.bigint();
  });
  const result = await run;
  const elapsed = Number(last - started) / 1e6;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]));
  return {
    elapsed,
    statuses,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
  };
}

async function httpRun(list: Sender[], periods: string[]) {
  const signStart = process.hrtime.bigint();
  const packages: SignedPackage[] = [];
  for (let i = 0; packages.length < 2 * total; i++) {
    const s = list[i % list.length]!;
    const period = periods[Math.floor(i / list.length) % periods.length]!;
    packages.push(
      signPackage(buildPackage({ bin: s.bin, form: "P-1", year: 2026, period, values: passport(i) }), s.key),
    );
  }
  const signMs = ms(signStart);
  log(
    `${2 * total} packages built and signed in ${round(signMs)} ms (${round((signMs * 1000) / (2 * total))} µs each), ${packages[0]!.bytes.byteLength} bytes each`,
  );
  // the first half goes through Node's fetch (20 concurrent loops), the second half through autocannon
  const light = packages.splice(total);
  server = startServer();
  await waitForHealth(600_000);
  // warm-up: a few refused packages (no submissions written)
  for (let i = 0; i < 50; i++) await post({ ...packages[0]!, signature: packages[1]!.signature });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < packages.length) {
        const p = packages[next++]!;
        const t0 = process.hrtime.bigint();
        const status = await post(p);
        latencies.push(ms(t0));
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = ms(started);
  // The authentication layer alone over HTTP: packages refused after every authentication check (the
  // sender BIN is another school's), so nothing is written — the ceiling without the reporting workflow.
  const refused = packages.slice(0, Math.min(total, 4000)).map((p, i) => {
    const other = list[(i + 1) % list.length]!;
    return signPackage(
      buildPackage({ bin: other.bin, form: "P-1", year: 2026, period: periods[0]!, values: passport(i) }),
      list[i % list.length]!.key,
    );
  });
  let nextRefused = 0;
  const refusedStatuses: Record<string, number> = {};
  const refusedStart = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (nextRefused < refused.length) {
        const status = await post(refused[nextRefused++]!);
        refusedStatuses[status] = (refusedStatuses[status] ?? 0) + 1;
      }
    }),
  );
  const refusedMs = ms(refusedStart);
  // The same with a light client (autocannon): less of the two cores goes to the sending side.
  const lightRun = await blast(light);
  const lightRefused = await blast(
    refused.map((p, i) =>
      signPackage(
        buildPackage({
          bin: list[(i + 1) % list.length]!.bin,
          form: "P-1",
          year: 2026,
          period: periods[0]!,
          values: passport(i + 7),
        }),
        list[i % list.length]!.key,
      ),
    ),
  );
  await stopServer();
  const accepted = statuses["201"] ?? 0;
  const result = {
    packages: total,
    senders,
    seconds: round(elapsed / 1000, 2),
    acceptedPerSecond: round((accepted * 1000) / elapsed),
    requestsPerSecond: round((total * 1000) / elapsed),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    statuses,
    bytesPerPackage: packages[0]!.bytes.byteLength,
    authenticatedAndRefusedPerSecond: round((refused.length * 1000) / refusedMs),
    refusedStatuses,
  };
  log(
    `HTTP: ${accepted}/${total} accepted in ${result.seconds} s → ${result.acceptedPerSecond} accepted/s with ${senders} senders; p50 ${result.p50} ms, p99 ${result.p99} ms; statuses ${JSON.stringify(statuses)}`,
  );
  for (const u of unexpected) log(`refused: ${u}`);
  log(
    `HTTP, authentication only: ${refused.length} packages refused after every check (sender mismatch) → ${result.authenticatedAndRefusedPerSecond}/s; statuses ${JSON.stringify(refusedStatuses)}`,
  );
  const lightAccepted = lightRun.statuses["201"] ?? 0;
  const autocannonResult = {
    seconds: round(lightRun.elapsed / 1000, 2),
    acceptedPerSecond: round((lightAccepted * 1000) / lightRun.elapsed),
    p50: lightRun.p50,
    p99: lightRun.p99,
    statuses: lightRun.statuses,
    errors: lightRun.errors,
    authenticatedAndRefusedPerSecond: round((refused.length * 1000) / lightRefused.elapsed),
    refusedStatuses: lightRefused.statuses,
  };
  log(
    `HTTP (autocannon client): ${lightAccepted}/${light.length} accepted in ${autocannonResult.seconds} s → ${autocannonResult.acceptedPerSecond} accepted/s with ${senders} connections; p50 ${lightRun.p50} ms, p99 ${lightRun.p99} ms; statuses ${JSON.stringify(lightRun.statuses)}`,
  );
  log(
    `HTTP (autocannon client), authentication only → ${autocannonResult.authenticatedAndRefusedPerSecond}/s; statuses ${JSON.stringify(lightRefused.statuses)}`,
  );
  return { ...result, autocannon: autocannonResult };
}

async function breakdown(list: Sender[], periods: string[]) {
  // In-process, on the database the HTTP run left (the server is stopped).
  const db = openBench();
  useDatabase(db);
  const { receivePackage } = await import("../lib/packages/receive");
  const s = list[0]!;
  const signed = signPackage(
    buildPackage({ bin: s.bin, form: "P-1", year: 2026, period: periods[0]!, values: passport(1) }),
    s.key,
  );
  const verify = await timeRuns(500, async () => verifyBytes(signed.bytes, signed.signature, s.key.publicKey));
  // refused after full authentication: sender BIN of another school
  const other = list[1]!;
  const refusedRuns = await timeRuns(300, async () => {
    const p = signPackage(
      buildPackage({ bin: other.bin, form: "P-1", year: 2026, period: periods[0]!, values: passport(2) }),
      s.key,
    );
    await receivePackage({ bytes: p.bytes, keyId: p.keyId, signature: p.signature });
  });
  // accepted: schools × a period the HTTP run did not reach
  await db.prisma.reportingPeriod.create({
    data: {
      id: "rp_bench_breakdown",
      formId: "f2026_p1",
      label: "bench-breakdown",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      dueDate: new Date("2026-12-31"),
      deadlineAt: new Date("2026-12-31T18:59:59Z"),
    },
  });
  const n = Math.min(300, list.length - 1);
  const acceptedRuns = await timeRuns(n, async (i) => {
    const x = list[i < 0 ? n : i]!;
    const p = signPackage(
      buildPackage({ bin: x.bin, form: "P-1", year: 2026, period: "bench-breakdown", values: passport(i) }),
      x.key,
    );
    const r = await receivePackage({ bytes: p.bytes, keyId: p.keyId, signature: p.signature });
    if (r.status !== 201) throw new Error(`not accepted: ${JSON.stringify(r.receipt.receipt.reasons)}`);
  });
  await closeDatabase();
  const out = { verifySignature: verify, refusedAfterAuthentication: refusedRuns, accepted: acceptedRuns };
  log(
    `in-process: signature check p50 ${out.verifySignature.p50} ms; refused after authentication p50 ${out.refusedAfterAuthentication.p50} ms; accepted p50 ${out.accepted.p50} ms, p95 ${out.accepted.p95} ms`,
  );
  return out;
}

async function archive() {
  const db = openBench();
  const file = join(tmpdir(), `eiso-bench-archive-${process.pid}.tar.gz`);
  const t0 = process.hrtime.bigint();
  const exported = await exportArchive(db.raw, db.kind, file);
  const exportMs = ms(t0);
  await db.close();
  const rows = exported.manifest.tables.reduce((s, t) => s + t.rows, 0);
  const target = openDatabase({ url: "", dir: "memory://" }); // PGlite even when DATABASE_URL is set
  const t1 = process.hrtime.bigint();
  await restoreArchive(target.raw, readFileSync(file));
  const restoreMs = ms(t1);
  await target.close();
  const size = statSync(file).size;
  rmSync(file, { force: true });
  const out = {
    tables: exported.manifest.tables.length,
    rows,
    parts: exported.manifest.parts.length,
    bytes: size,
    exportSeconds: round(exportMs / 1000, 2),
    restoreSeconds: round(restoreMs / 1000, 2),
  };
  log(
    `archive (demo seed + packages): ${out.tables} tables, ${rows} rows, ${out.parts} parts, ${round(size / 2 ** 20, 2)} MiB; export ${out.exportSeconds} s, verified restore into an empty in-memory PGlite ${out.restoreSeconds} s`,
  );
  return out;
}

async function main() {
  console.log(`Data packages benchmark (${dbKind === "postgres" ? "PostgreSQL" : "PGlite"})`);
  const { senders: list, periods } = await prepare();
  const http = await httpRun(list, periods);
  const inProcess = await breakdown(list, periods);
  const archiveResult = flag("skip-archive") ? null : await archive();
  writeResult("packages", { database: dbKind, http, inProcess, archive: archiveResult }, dbKind);
  if (!flag("keep")) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void stopServer().then(() => process.exit(130)));

main().catch(async (error: unknown) => {
  console.error(`✖ ${(error as Error).message}`);
  await stopServer();
  process.exit(1);
});
