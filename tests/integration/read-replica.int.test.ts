import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { database, publicReads, readDatabase } from "@/lib/db";
import { asAnonymous, openReplica, readsFor, replicaDatabase, useReplica } from "@/lib/db/replica";
import { createLogger } from "@/lib/log";
import { listPublished } from "@/lib/publications/public";
import { testDatabaseUrl } from "@/tests/setup/integration";

/** The application name of the connection a query ran on: tells the replica's pool from the primary's. */
async function servedBy(): Promise<string> {
  const [row] = await publicReads.$queryRaw<{ name: string }[]>`SELECT current_setting('application_name') AS name`;
  const [raw] = await readDatabase().raw.query<{ name: string }>(`SELECT current_setting('application_name') AS name`);
  expect(raw?.name).toBe(row?.name);
  return row!.name;
}

function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set("application_name", name);
  return u.toString();
}

const lines: string[] = [];
const holder = globalThis as unknown as { __eisoLogger?: unknown };
holder.__eisoLogger = createLogger(
  new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  }),
  "info",
);

afterAll(() => {
  holder.__eisoLogger = undefined;
});

describe("public reads without a replica", () => {
  it("use this process's database", async () => {
    expect(await asAnonymous(() => readDatabase())).toBe(database());
  });
});

// The replica is the test database a second time under another application name (routing is what is
// tested; streaming replication itself is PostgreSQL's); the dead replica is a closed port.
describe.runIf(testDatabaseUrl)("read replica on PostgreSQL", () => {
  it("serves anonymous public reads; signed-in requests and reads outside a request use the primary", async () => {
    const primary = database();
    useReplica(primary, openReplica(withApplicationName(testDatabaseUrl!, "eiso-replica"), primary));
    expect(await asAnonymous(servedBy)).toBe("eiso-replica");
    expect(await readsFor("theme=dark", servedBy)).toBe("eiso-replica");
    expect(await readsFor("theme=dark; authjs.session-token=abc", servedBy)).not.toBe("eiso-replica");
    expect(await readsFor("__Secure-authjs.session-token.0=abc", servedBy)).not.toBe("eiso-replica");
    expect(await servedBy()).not.toBe("eiso-replica");
    // a public read module goes through the same seam
    const list = await asAnonymous(() => listPublished({ sort: "new", page: 1 }, "kk"));
    expect(list.page).toBe(1);
    expect(replicaDatabase()!.pool!.totalCount).toBeGreaterThan(0);
  });

  it("falls back to the primary, logged, when the replica cannot be reached", async () => {
    const primary = database();
    const dead = new URL(withApplicationName(testDatabaseUrl!, "eiso-replica"));
    dead.hostname = "127.0.0.1";
    dead.port = "1";
    const replica = openReplica(dead.toString(), primary);
    useReplica(primary, replica);
    lines.length = 0;
    const first = await asAnonymous(servedBy);
    expect(first).not.toBe("eiso-replica");
    // Prisma's reads too, and a public read module, without an error
    expect(await asAnonymous(() => publicReads.user.count())).toBeGreaterThan(0);
    expect((await asAnonymous(() => listPublished({ sort: "new", page: 1 }, "kk"))).page).toBe(1);
    const warnings = lines.map((l) => JSON.parse(l) as { event?: string; level: string });
    expect(warnings.filter((w) => w.event === "replica.unreachable")).toHaveLength(1);
    expect(warnings[0]!.level).toBe("warn");
    useReplica(primary, null);
    await replica.close();
  });
});
