/**
 * `npm run test:cluster [-- --reuse] [-- --keep]`: the portal as a cluster — a PostgreSQL primary and a
 * streaming replica, two instances, nginx in front (scripts/cluster-control.ts) — checked end to end:
 *
 * - a session made through the proxy works whichever instance answers (both answer, directly too);
 * - a chat message posted through instance A arrives live at a reader connected to instance B;
 * - a scheduled publication is released exactly once, an outbox entry indexed exactly once, and each periodic
 *   job runs once per tick although both instances run the job runner;
 * - SIGKILL of one instance: the proxy keeps serving from the other, and a job lease held by the killed
 *   instance expires and is taken over by the other;
 * - data committed on the primary is read on the replica after catch-up, and the statistics page answers
 *   through the proxy; a signed-in person's own post is there on the next load, whichever instance answers;
 * - a graceful stop (SIGTERM) releases every lease of the stopped instance.
 *
 * Needs root, PostgreSQL 15 and nginx (.ci/run installs them). Stops the cluster at the end unless --keep.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import {
  loadState,
  primaryUrl,
  proxyOrigin,
  replicaUrl,
  startCluster,
  stopCluster,
  stopInstance,
  type ClusterState,
} from "../../scripts/cluster-control";
import { signIn } from "../../scripts/sign-in-client";

const reuse = process.argv.includes("--reuse");
const keep = process.argv.includes("--keep");

let failures = 0;
async function check(name: string, fn: () => Promise<void>) {
  const started = Date.now();
  try {
    await fn();
    console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures++;
    console.error(`✖ ${name}: ${(error as Error).message}`);
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ------------------------------------------------------------------------------------------------ http

const instanceOrigin = (state: ClusterState, index: number) => `http://127.0.0.1:${state.instances[index]!.port}`;

/** The instances that answered the last `n` proxied requests, from nginx's access log. */
function upstreamsOfLast(state: ClusterState, n: number): string[] {
  const lines = readFileSync(join(state.nginxPrefix, "logs", "access.log"), "utf8")
    .trim()
    .split("\n");
  return lines.slice(-n).map((l) => /upstream=(\S+)/.exec(l)?.[1] ?? "?");
}

/** Reads Server-Sent Events of a chat room until `count` messages arrived; the times are Date.now() at arrival. */
function readChat(origin: string, roomId: string, cookie: string) {
  const controller = new AbortController();
  const messages: { id: string; body: string; at: number }[] = [];
  const ready = (async () => {
    const res = await fetch(`${origin}/api/chat/${roomId}/events`, {
      headers: { cookie, accept: "text/event-stream" },
      signal: controller.signal,
    });
    assert(res.status === 200, `the chat stream answered ${res.status}`);
    return res.body!.getReader();
  })();
  const done = ready.then(async (reader) => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (data) {
            const event = JSON.parse(data.slice(6)) as { id: string; body: string };
            messages.push({ id: event.id, body: event.body, at: Date.now() });
          }
        }
      }
    } catch {
      // aborted
    }
  });
  return { messages, ready, close: () => (controller.abort(), done) };
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
  const state = reuse ? loadState() : null;
  const cluster = state && state.instances.length >= 2 ? state : await startCluster({ instances: 2 });
  const db = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await db.connect();
  await replica.connect();
  const [a, b] = [instanceOrigin(cluster, 0), instanceOrigin(cluster, 1)];
  const ownerOf = (index: number) => `:${cluster.instances[index]!.pid}:`;

  try {
    // a signed-in page (the person's account: it redirects to the sign-in page without a session). A person
    // whose role needs no second factor, since the demo administrators on PostgreSQL have none set up.
    let person = "";
    const signedInPage = "/kk/account";
    await check("a session made through the proxy works whichever instance answers", async () => {
      person = await signIn(proxyOrigin, "official");
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${proxyOrigin}${signedInPage}`, { headers: { cookie: person }, redirect: "manual" });
        assert(res.status === 200, `through the proxy: ${res.status}`);
      }
      const upstreams = new Set(upstreamsOfLast(cluster, 6));
      assert(upstreams.size === 2, `expected both instances to answer, got ${[...upstreams].join(", ")}`);
      for (const origin of [a, b]) {
        const res = await fetch(`${origin}${signedInPage}`, { headers: { cookie: person }, redirect: "manual" });
        assert(res.status === 200, `${origin} answered ${res.status} to the session`);
        assert((await res.text()).includes('data-testid="account-display-name"'), `${origin}: not the account page`);
      }
    });

    let roomId = "";
    let teacher = "";
    await check("a chat message posted through instance A arrives live at a reader on instance B", async () => {
      const student = await signIn(proxyOrigin, "student");
      teacher = await signIn(proxyOrigin, "teacher");
      const page = await (await fetch(`${proxyOrigin}/kk/forums/chat`, { headers: { cookie: student } })).text();
      roomId = /\/forums\/chat\/(room_[A-Za-z0-9_-]+)/.exec(page)?.[1] ?? "";
      assert(roomId, "the student has no chat room link");
      const reader = readChat(b, roomId, student);
      await reader.ready;
      const body = `Кластер сынағы ${Date.now()}`;
      const posted = await fetch(`${a}/api/chat/${roomId}/messages`, {
        method: "POST",
        headers: { cookie: teacher, "content-type": "application/json" },
        body: JSON.stringify({ body }),
      });
      assert(posted.status === 201, `posting answered ${posted.status}`);
      await waitUntil("the message on instance B", async () => reader.messages.some((m) => m.body === body), 10_000);
      await reader.close();
      assert(reader.messages.filter((m) => m.body === body).length === 1, "the message arrived more than once");
    });

    // every job due at once ("a tick"): each must run exactly once although both runners poll every second
    await check("each periodic job runs once per tick although both instances run the runner", async () => {
      const { rows: jobs } = await db.query<{ name: string }>(`SELECT name FROM "JobLease" ORDER BY name`);
      assert(jobs.length >= 6, `expected the six jobs to be registered, found ${jobs.length}`);
      await waitUntil("no job running", async () => {
        const r = await db.query(`SELECT 1 FROM "JobLease" WHERE "leaseUntil" > clock_timestamp()`);
        return r.rowCount === 0;
      });
      const { rows } = await db.query<{ mark: Date }>(
        `UPDATE "JobLease" SET "nextRunAt" = clock_timestamp() RETURNING clock_timestamp() AS mark`,
      );
      const mark = rows[0]!.mark;
      await waitUntil(
        "every job to run",
        async () => {
          const r = await db.query(`SELECT count(DISTINCT name)::int AS n FROM "JobRun" WHERE "startedAt" >= $1`, [
            mark,
          ]);
          return r.rows[0].n === jobs.length;
        },
        60_000,
      );
      await new Promise((r) => setTimeout(r, 1_500));
      const { rows: runs } = await db.query<{ name: string; n: number; owners: string[] }>(
        `SELECT name, count(*)::int AS n, array_agg(DISTINCT owner) AS owners FROM "JobRun"
          WHERE "startedAt" >= $1 AND "startedAt" < $1::timestamptz + interval '1.9 seconds' GROUP BY name`,
        [mark],
      );
      for (const r of runs) assert(r.n === 1, `${r.name} ran ${r.n} times in one tick`);
      const owners = new Set(runs.flatMap((r) => r.owners));
      console.log(`  ${runs.length} jobs, one run each, by ${owners.size} instance(s)`);
    });

    await check("a scheduled publication is released exactly once", async () => {
      const { rows } = await db.query<{ id: string }>(
        `UPDATE "Publication" SET status = 'SCHEDULED', "publishedAt" = clock_timestamp()
          WHERE id = (SELECT id FROM "Publication" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1) RETURNING id`,
      );
      const id = rows[0]?.id;
      assert(id, "no published publication to schedule");
      const { rows: m } = await db.query<{ mark: Date }>(
        `UPDATE "JobLease" SET "nextRunAt" = clock_timestamp() WHERE name = 'publications.release'
         RETURNING clock_timestamp() AS mark`,
      );
      await waitUntil("the release", async () => {
        const r = await db.query(`SELECT status FROM "Publication" WHERE id = $1`, [id]);
        return r.rows[0].status === "PUBLISHED";
      });
      await new Promise((r) => setTimeout(r, 1_500));
      const runs = await db.query<{ result: string | null }>(
        `SELECT result FROM "JobRun" WHERE name = 'publications.release' AND "startedAt" >= $1`,
        [m[0]!.mark],
      );
      const released = runs.rows.filter((r) => r.result?.endsWith("released"));
      assert(released.length === 1, `released by ${released.length} runs: ${JSON.stringify(runs.rows)}`);
      assert(released[0]!.result === "1 released", `unexpected result ${released[0]!.result}`);
    });

    await check("an outbox entry is indexed exactly once", async () => {
      await waitUntil("an empty outbox", async () => {
        const r = await db.query(`SELECT count(*)::int AS n FROM "SearchOutbox"`);
        return r.rows[0].n === 0;
      });
      const { rows } = await db.query<{ mark: Date }>(
        `INSERT INTO "SearchOutbox" (source, "sourceId")
           SELECT 'organization', id FROM "Organization" ORDER BY id LIMIT 1
         RETURNING clock_timestamp() AS mark`,
      );
      await waitUntil("the entry to be indexed", async () => {
        const r = await db.query(`SELECT count(*)::int AS n FROM "SearchOutbox"`);
        return r.rows[0].n === 0;
      });
      await new Promise((r) => setTimeout(r, 2_500));
      const runs = await db.query<{ result: string | null }>(
        `SELECT result FROM "JobRun" WHERE name = 'search.outbox' AND "startedAt" >= $1 AND result IS NOT NULL`,
        [rows[0]!.mark],
      );
      const indexed = runs.rows.reduce((n, r) => n + Number(/^(\d+) indexed/.exec(r.result ?? "")?.[1] ?? 0), 0);
      assert(indexed === 1, `indexed ${indexed} times: ${JSON.stringify(runs.rows)}`);
    });

    await check("a signed-in person's own post is there on the next load, whichever instance answers", async () => {
      const body = `Өз хабарым ${Date.now()}`;
      const posted = await fetch(`${proxyOrigin}/api/chat/${roomId}/messages`, {
        method: "POST",
        headers: { cookie: teacher, "content-type": "application/json" },
        body: JSON.stringify({ body }),
      });
      assert(posted.status === 201, `posting through the proxy answered ${posted.status}`);
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${proxyOrigin}/api/chat/${roomId}/messages`, { headers: { cookie: teacher } });
        const { messages } = (await res.json()) as { messages: { body: string }[] };
        assert(
          messages.some((m) => m.body === body),
          `load ${i + 1} (${upstreamsOfLast(cluster, 1)[0]}) lacks the post`,
        );
      }
    });

    await check("the replica shows what the primary committed, after catch-up; statistics answer", async () => {
      const title = `Репликаға тексеру ${Date.now()}`;
      const { rows: p } = await db.query<{ id: string }>(
        `UPDATE "Publication" SET title = $1 WHERE id = (SELECT id FROM "Publication" ORDER BY id LIMIT 1) RETURNING id`,
        [title],
      );
      const started = Date.now();
      await waitUntil("the replica to replay the change", async () => {
        const r = await replica.query(`SELECT title FROM "Publication" WHERE id = $1`, [p[0]!.id]);
        return r.rows[0]?.title === title;
      });
      console.log(`  replica caught up in ${Date.now() - started} ms`);
      const inRecovery = await replica.query(`SELECT pg_is_in_recovery() AS r`);
      assert(inRecovery.rows[0].r === true, "the replica is not a standby");
      const res = await fetch(`${proxyOrigin}/kk/statistics`);
      assert(res.status === 200, `statistics answered ${res.status}`);
    });

    await check("SIGKILL of one instance: the proxy keeps serving and its job lease is taken over", async () => {
      const victim = cluster.instances[0]!;
      // the killed instance holds a lease at the moment it dies
      const { rows } = await db.query<{ owner: string }>(
        `SELECT DISTINCT owner FROM "JobRun" WHERE owner LIKE $1 LIMIT 1`,
        [`%${ownerOf(0)}%`],
      );
      const owner = rows[0]?.owner ?? `dead${ownerOf(0)}x`;
      await stopInstance(victim, { kill: true });
      const { rows: held } = await db.query<{ until: Date }>(
        `UPDATE "JobLease" SET owner = $1, "leaseUntil" = clock_timestamp() + interval '3 seconds',
                "nextRunAt" = clock_timestamp() WHERE name = 'rate-limit.prune' RETURNING "leaseUntil" AS until`,
        [owner],
      );
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${proxyOrigin}${signedInPage}`, { headers: { cookie: person }, redirect: "manual" });
        assert(res.status === 200, `request ${i + 1} through the proxy after the kill answered ${res.status}`);
      }
      const run = await waitUntil(
        "the other instance to take the job over",
        async () =>
          (
            await db.query<{ owner: string; startedAt: Date }>(
              `SELECT owner, "startedAt" FROM "JobRun" WHERE name = 'rate-limit.prune' AND "startedAt" >= $1`,
              [held[0]!.until],
            )
          ).rows[0],
        20_000,
      );
      assert(run.owner.includes(ownerOf(1)), `taken over by ${run.owner}`);
    });

    await check("a graceful stop releases every lease of the stopped instance", async () => {
      const survivor = cluster.instances[1]!;
      await stopInstance(survivor);
      const { rows } = await db.query(`SELECT name FROM "JobLease" WHERE owner LIKE $1`, [`%${ownerOf(1)}%`]);
      assert(rows.length === 0, `still held: ${rows.map((r) => r.name).join(", ")}`);
      const log = readFileSync(survivor.log, "utf8");
      assert(log.includes("Stopped: database closed."), "the instance did not report a clean stop");
    });
  } finally {
    await db.end();
    await replica.end();
    if (!keep) await stopCluster({ log: () => {} });
  }
  if (failures) {
    console.error(`${failures} cluster check(s) failed.`);
    process.exit(1);
  }
  console.log("All cluster checks passed.");
}

main().catch(async (error: unknown) => {
  console.error(`✖ ${(error as Error).message}`);
  if (!keep) await stopCluster({ log: () => {} }).catch(() => undefined);
  process.exit(1);
});
