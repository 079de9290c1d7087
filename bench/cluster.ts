/**
 * `npm run bench:cluster [-- --duration 10 --connections 10 --reuse --keep]`: the portal as a cluster on
 * PostgreSQL (scripts/cluster-control.ts: primary + streaming replica, two instances, nginx), measured through
 * nginx in one run:
 *
 * - req/s, p95 and the instances' CPU per request for a public page (/kk/statistics), the parent's diary
 *   (/kk/diary, signed in) and a signed-in admin list (/kk/admin/organizations), with two instances behind
 *   the proxy and then with one;
 * - replication lag under a burst of 1,000 accepted report values (DataValue rows written on the primary by
 *   10 connections): the largest replay lag PostgreSQL reports during the burst and the time from the
 *   burst's end until the replica has replayed it;
 * - chat fan-out across instances: 30 readers (half on each instance), messages posted through one instance,
 *   the time from the post to each reader's event (p50 / p95, and for the readers on the other instance).
 *
 * Writes bench/results/cluster-<date>.json and stops the cluster (unless --keep). Heavy: run it alone.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../prisma/seed/accounts";
import {
  loadState,
  primaryUrl,
  proxyOrigin,
  replicaUrl,
  startCluster,
  startProxy,
  stopCluster,
  type ClusterState,
} from "../scripts/cluster-control";
import { signIn } from "../scripts/sign-in-client";
import { flag, option, percentile, round, writeResult } from "./lib";

const duration = option("duration", 10);
const connections = option("connections", 10);

function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

interface RouteResult {
  route: string;
  instances: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  non2xx: number;
  errors: number;
  cpuMsPerRequest: number;
}

async function measure(state: ClusterState, instances: number, name: string, path: string, cookie?: string) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const url = `${proxyOrigin}${path}`;
  const check = await fetch(url, { headers, redirect: "manual" });
  if (check.status !== 200) throw new Error(`${path} answered ${check.status}`);
  await autocannon({ url, connections, duration: 1, headers }); // warm-up
  const pids = state.instances.slice(0, instances).map((i) => i.pid);
  const cpuBefore = pids.reduce((s, p) => s + cpuSeconds(p), 0);
  const times: number[] = [];
  const run = autocannon({ url, connections, duration, headers });
  run.on("response", (_c, _s, _b, responseTime) => times.push(responseTime));
  const r = await run;
  const cpu = pids.reduce((s, p) => s + cpuSeconds(p), 0) - cpuBefore;
  const result: RouteResult = {
    route: name,
    instances,
    requestsPerSecond: round(r.requests.average),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    non2xx: r.non2xx,
    errors: r.errors,
    cpuMsPerRequest: r.requests.total ? round((cpu * 1000) / r.requests.total, 2) : 0,
  };
  console.log(
    `  ${instances} instance(s) ${name.padEnd(8)} ${String(result.requestsPerSecond).padStart(7)} req/s  p95 ${result.p95} ms  CPU ${result.cpuMsPerRequest} ms/req`,
  );
  return result;
}

async function replicationLag() {
  const primary = new pg.Pool({ connectionString: primaryUrl, max: 10 });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await replica.connect();
  try {
    const { rows } = await primary.query<{
      organizationId: string;
      periodId: string;
      submissionId: string;
      year: number;
      formCode: string;
    }>(`SELECT "organizationId", "periodId", "submissionId", year, "formCode" FROM "DataValue" LIMIT 1`);
    const base = rows[0];
    if (!base) throw new Error("no accepted report value to copy");
    await primary.query(`DELETE FROM "DataValue" WHERE indicator LIKE 'bench.lag.%'`);
    let maxReplayLagMs = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const r = await primary.query<{ ms: number | null }>(
          `SELECT EXTRACT(EPOCH FROM max(replay_lag)) * 1000 AS ms FROM pg_stat_replication`,
        );
        maxReplayLagMs = Math.max(maxReplayLagMs, Number(r.rows[0]?.ms ?? 0));
        await new Promise((res) => setTimeout(res, 20));
      }
    })();
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < 1000) {
          const i = next++;
          await primary.query(
            `INSERT INTO "DataValue" ("organizationId", "periodId", "submissionId", year, "formCode", indicator, value)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [base.organizationId, base.periodId, base.submissionId, base.year, base.formCode, `bench.lag.${i}`, i],
          );
        }
      }),
    );
    const burstMs = Date.now() - started;
    const { rows: lsn } = await primary.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`);
    const ended = Date.now();
    for (;;) {
      const r = await replica.query<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [
        lsn[0]!.lsn,
      ]);
      if (r.rows[0]!.ok) break;
      await new Promise((res) => setTimeout(res, 5));
    }
    const catchUpMs = Date.now() - ended;
    sampling = false;
    await sampler;
    const count = await replica.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "DataValue" WHERE indicator LIKE 'bench.lag.%'`,
    );
    await primary.query(`DELETE FROM "DataValue" WHERE indicator LIKE 'bench.lag.%'`);
    const result = {
      values: 1000,
      burstMs,
      writesPerSecond: round(1000 / (burstMs / 1000)),
      maxReplayLagMs: round(maxReplayLagMs),
      catchUpAfterBurstMs: catchUpMs,
      onReplica: count.rows[0]!.n,
    };
    console.log(
      `  1,000 values in ${burstMs} ms; max replay lag ${result.maxReplayLagMs} ms; replica caught up ${catchUpMs} ms after the burst`,
    );
    return result;
  } finally {
    await primary.end();
    await replica.end();
  }
}

async function chatFanOut(state: ClusterState, readersCount = 30, messages = 20) {
  const origins = state.instances.map((i) => `http://127.0.0.1:${i.port}`);
  const student = await signIn(proxyOrigin, "student");
  const teacher = await signIn(proxyOrigin, "teacher");
  const page = await (await fetch(`${proxyOrigin}/kk/forums/chat`, { headers: { cookie: student } })).text();
  const roomId = /\/forums\/chat\/(room_[A-Za-z0-9_-]+)/.exec(page)?.[1];
  if (!roomId) throw new Error("no chat room for the student");
  const sentAt = new Map<string, number>();
  const latencies: { ms: number; cross: boolean }[] = [];
  const controllers: AbortController[] = [];
  const readers = await Promise.all(
    Array.from({ length: readersCount }, async (_, i) => {
      const origin = origins[i % origins.length]!;
      const controller = new AbortController();
      controllers.push(controller);
      const res = await fetch(`${origin}/api/chat/${roomId}/events`, {
        headers: { cookie: student, accept: "text/event-stream" },
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      const cross = origin !== origins[0];
      void (async () => {
        const decoder = new TextDecoder();
        let buffer = "";
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buffer += decoder.decode(value, { stream: true });
            let k: number;
            while ((k = buffer.indexOf("\n\n")) >= 0) {
              const data = buffer
                .slice(0, k)
                .split("\n")
                .find((l) => l.startsWith("data: "));
              buffer = buffer.slice(k + 2);
              if (!data) continue;
              const body = (JSON.parse(data.slice(6)) as { body: string }).body;
              const at = sentAt.get(body);
              if (at !== undefined) latencies.push({ ms: performance.now() - at, cross });
            }
          }
        } catch {
          // aborted
        }
      })();
      return reader;
    }),
  );
  void readers;
  for (let i = 0; i < messages; i++) {
    const body = `fan-out ${Date.now()} ${i}`;
    sentAt.set(body, performance.now());
    const res = await fetch(`${origins[0]}/api/chat/${roomId}/messages`, {
      method: "POST",
      headers: { cookie: teacher, "content-type": "application/json" },
      body: JSON.stringify({ body }),
    });
    if (res.status !== 201) throw new Error(`posting answered ${res.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, 1_000));
  for (const c of controllers) c.abort();
  const all = latencies.map((l) => l.ms);
  const cross = latencies.filter((l) => l.cross).map((l) => l.ms);
  const result = {
    readers: readersCount,
    messages,
    delivered: latencies.length,
    expected: readersCount * messages,
    p50Ms: round(percentile(all, 50)),
    p95Ms: round(percentile(all, 95)),
    crossInstanceP95Ms: round(percentile(cross, 95)),
  };
  console.log(
    `  ${result.delivered}/${result.expected} events; post → reader p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (other instance p95 ${result.crossInstanceP95Ms} ms)`,
  );
  return result;
}

async function main() {
  const reused = flag("reuse") ? loadState() : null;
  const state = reused && reused.instances.length >= 2 ? reused : await startCluster({ instances: 2 });
  try {
    const parent = await signIn(proxyOrigin, "parent");
    // an administrator reaches the admin area only with a second factor: the bench sets one up for the demo
    // ministry account on this throw-away cluster and signs in with its code
    const db = new pg.Client({ connectionString: primaryUrl });
    await db.connect();
    await db.query(
      `INSERT INTO "SecondFactor" ("userId", secret, "enabledAt")
       SELECT id, $1, now() FROM "User" WHERE login = 'ministry' ON CONFLICT ("userId") DO NOTHING`,
      [DEMO_TOTP_SECRET],
    );
    await db.end();
    const admin = await signIn(proxyOrigin, "ministry", DEMO_PASSWORD, DEMO_TOTP_SECRET);
    const routes: [string, string, string?][] = [
      ["public", "/kk/statistics"],
      ["diary", "/kk/diary", parent],
      ["admin", "/kk/admin/organizations", admin],
    ];
    // every instance warmed on every route first (JIT, page compilation caches), so neither phase pays it
    for (const instance of state.instances)
      for (const [, path, cookie] of routes)
        await autocannon({
          url: `http://127.0.0.1:${instance.port}${path}`,
          connections,
          duration: 3,
          headers: cookie ? { cookie } : {},
        });
    console.log(`Through nginx, ${duration} s × ${connections} connections per route:`);
    const http: RouteResult[] = [];
    for (const [name, path, cookie] of routes) http.push(await measure(state, 2, name, path, cookie));
    startProxy(state, [state.instances[0]!.port]);
    for (const [name, path, cookie] of routes) http.push(await measure(state, 1, name, path, cookie));
    startProxy(
      state,
      state.instances.map((i) => i.port),
    );
    const ratio = Object.fromEntries(
      routes.map(([name]) => {
        const two = http.find((r) => r.route === name && r.instances === 2)!;
        const one = http.find((r) => r.route === name && r.instances === 1)!;
        return [name, round(two.requestsPerSecond / one.requestsPerSecond, 2)];
      }),
    );
    console.log(`  two/one instance throughput: ${JSON.stringify(ratio)}`);
    console.log("Replication lag under a burst of 1,000 accepted report values:");
    const replication = await replicationLag();
    console.log("Chat fan-out across instances, 30 readers:");
    const chat = await chatFanOut(state);
    writeResult("cluster", {
      machine: { cpus: cpus().length, loadavg: loadavg().map((l) => round(l, 2)) },
      duration,
      connections,
      http,
      twoOverOne: ratio,
      replication,
      chat,
    });
  } finally {
    if (!flag("keep")) await stopCluster({ log: () => {} });
  }
}

main().catch(async (error: unknown) => {
  console.error(`✖ ${(error as Error).message}`);
  if (!flag("keep")) await stopCluster({ log: () => {} }).catch(() => undefined);
  process.exit(1);
});
