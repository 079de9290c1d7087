import { afterEach, describe, expect, it } from "vitest";
import { database, prisma } from "@/lib/db";
import { JobRunner, onJobRun, retryDelayMs, type JobDefinition, type JobRunRecord } from "./runner";

const raw = () => database().raw;
const runner = (jobs: JobDefinition[], owner: string) => new JobRunner({ raw: raw(), jobs, owner, log: () => {} });
const lease = (name: string) => prisma.jobLease.findUniqueOrThrow({ where: { name } });

afterEach(async () => {
  await prisma.jobRun.deleteMany();
  await prisma.jobLease.deleteMany();
});

describe("job runner", () => {
  it("two runners polling at once run a due job once, and not again before its interval", async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: "test.once",
      intervalMs: 60_000,
      run: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 50));
        return "did it";
      },
    };
    const a = runner([job], "a");
    const b = runner([job], "b");
    await a.ensureRows();
    await b.ensureRows();
    const claimed = await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(claimed.flat()).toEqual(["test.once"]);
    expect(runs).toBe(1);
    expect(await a.runDue()).toEqual([]);
    expect(await b.runDue()).toEqual([]);
    const row = await lease("test.once");
    expect([row.owner, row.leaseUntil, row.runs, row.lastOk, row.lastResult]).toEqual([null, null, 1, true, "did it"]);
    expect(row.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    const history = await prisma.jobRun.findMany({ where: { name: "test.once" } });
    expect(history.map((r) => [r.ok, r.result])).toEqual([[true, "did it"]]);
  });

  it("a job that throws is recorded as failed, retried with back-off, and never stops the other jobs", async () => {
    let fail = true;
    const seen: JobRunRecord[] = [];
    const off = onJobRun((r) => seen.push(r));
    const failing: JobDefinition = {
      name: "test.failing",
      intervalMs: 3_600_000,
      run: async () => {
        if (fail) throw new Error("disk full");
      },
    };
    let others = 0;
    const other: JobDefinition = { name: "test.other", intervalMs: 3_600_000, run: async () => void others++ };
    const r = runner([failing, other], "a");
    await r.ensureRows();
    expect((await r.runDue()).sort()).toEqual(["test.failing", "test.other"]);
    expect(others).toBe(1);
    let row = await lease("test.failing");
    expect([row.lastOk, row.lastError, row.failures, row.totalFailures]).toEqual([false, "disk full", 1, 1]);
    // the retry comes after the first back-off step, far sooner than the interval
    const delay = row.nextRunAt.getTime() - row.lastFinishedAt!.getTime();
    expect(delay).toBeGreaterThan(retryDelayMs(1) - 1_000);
    expect(delay).toBeLessThan(retryDelayMs(1) + 1_000);
    // due again: the second failure waits twice as long
    await prisma.jobLease.update({ where: { name: "test.failing" }, data: { nextRunAt: new Date(0) } });
    expect(await r.runDue()).toEqual(["test.failing"]);
    row = await lease("test.failing");
    expect(row.nextRunAt.getTime() - row.lastFinishedAt!.getTime()).toBeGreaterThan(retryDelayMs(2) - 1_000);
    expect(row.failures).toBe(2);
    // a success resets the failures in a row and waits a full interval
    fail = false;
    await prisma.jobLease.update({ where: { name: "test.failing" }, data: { nextRunAt: new Date(0) } });
    expect(await r.runDue()).toEqual(["test.failing"]);
    row = await lease("test.failing");
    expect([row.lastOk, row.lastError, row.failures, row.totalFailures, row.runs]).toEqual([true, null, 0, 2, 3]);
    expect(row.nextRunAt.getTime() - row.lastFinishedAt!.getTime()).toBeGreaterThan(3_500_000);
    off();
    expect(seen.filter((s) => s.name === "test.failing").map((s) => s.ok)).toEqual([false, false, true]);
  });

  it("a live lease keeps other runners out; an expired one (a dead instance) is taken over", async () => {
    let runs = 0;
    const job: JobDefinition = { name: "test.lease", intervalMs: 60_000, run: async () => void runs++ };
    const b = runner([job], "b");
    await b.ensureRows();
    // instance "dead" holds the lease and stopped renewing it
    await raw().query(
      `UPDATE "JobLease" SET owner = 'dead', "leaseUntil" = clock_timestamp() + interval '1 minute' WHERE name = $1`,
      ["test.lease"],
    );
    expect(await b.runDue()).toEqual([]);
    await raw().query(`UPDATE "JobLease" SET "leaseUntil" = clock_timestamp() - interval '1 second' WHERE name = $1`, [
      "test.lease",
    ]);
    expect(await b.runDue()).toEqual(["test.lease"]);
    expect(runs).toBe(1);
    const row = await lease("test.lease");
    expect([row.owner, row.runs]).toEqual([null, 1]);
    expect((await prisma.jobRun.findFirstOrThrow({ where: { name: "test.lease" } })).owner).toBe("b");
  });

  it("a long job renews its lease; stop waits for it and releases every lease of the runner", async () => {
    let release!: () => void;
    const job: JobDefinition = {
      name: "test.long",
      intervalMs: 60_000,
      leaseMs: 300,
      run: () => new Promise<void>((resolve) => (release = resolve)),
    };
    const a = runner([job], "a");
    const b = runner([job], "b");
    await a.ensureRows();
    expect(await a.poll()).toEqual(["test.long"]);
    // longer than the lease: renewed, so b cannot take it
    await new Promise((r) => setTimeout(r, 700));
    expect(await b.poll()).toEqual([]);
    expect((await lease("test.long")).owner).toBe("a");
    const stopped = a.stop(5_000);
    release();
    await stopped;
    const row = await lease("test.long");
    expect([row.owner, row.leaseUntil, row.runs]).toEqual([null, null, 1]);
  });

  it("stop releases a lease at once when its job outlasts the grace period", async () => {
    const job: JobDefinition = {
      name: "test.stuck",
      intervalMs: 60_000,
      run: () => new Promise<void>(() => {}),
    };
    const a = runner([job], "a");
    await a.ensureRows();
    expect(await a.poll()).toEqual(["test.stuck"]);
    await a.stop(50);
    expect((await lease("test.stuck")).owner).toBeNull();
    // another instance takes it over without waiting for the lease to expire
    const b = runner([{ ...job, run: async () => "taken over" }], "b");
    expect(await b.runDue()).toEqual(["test.stuck"]);
    expect((await lease("test.stuck")).lastResult).toBe("taken over");
  });
});
