import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimOutbox, drainOutbox, VISIBILITY_SECONDS } from "./outbox";
import type { SearchDocument, SearchEngine } from "./types";

/** An engine that records what it was given. */
function recordingEngine(fail = false) {
  const indexed: string[] = [];
  const engine = {
    index: async (docs: SearchDocument[]) => {
      if (fail) throw new Error("engine down");
      indexed.push(...docs.map((d) => d.id));
    },
    removePrefix: async () => {},
  } as unknown as SearchEngine;
  return { engine, indexed };
}

describe("search outbox claims", () => {
  it("concurrent claims take disjoint rows; claimed rows are invisible until the visibility timeout", async () => {
    await prisma.searchOutbox.deleteMany();
    const orgs = await prisma.organization.findMany({ take: 6, select: { id: true }, orderBy: { id: "asc" } });
    await prisma.searchOutbox.createMany({ data: orgs.map((o) => ({ source: "organization", sourceId: o.id })) });
    const [a, b] = await Promise.all([claimOutbox(3), claimOutbox(3)]);
    const ids = [...a, ...b].map((r) => String(r.id));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(await claimOutbox(10)).toEqual([]);
    const rows = await prisma.searchOutbox.findMany();
    for (const r of rows) expect(r.notBefore.getTime()).toBeGreaterThan(Date.now() + (VISIBILITY_SECONDS - 10) * 1000);
    // an instance died holding them: after the timeout they are due again and nothing is lost
    await prisma.searchOutbox.updateMany({ data: { notBefore: new Date(Date.now() - 1000) } });
    const { engine, indexed } = recordingEngine();
    expect(await drainOutbox(engine)).toEqual({ indexed: 6, failed: 0 });
    expect(indexed.length).toBeGreaterThan(0);
    expect(await prisma.searchOutbox.count()).toBe(0);
  });

  it("a failed batch keeps its rows with a back-off", async () => {
    const org = await prisma.organization.findFirstOrThrow({ select: { id: true } });
    await prisma.searchOutbox.create({ data: { source: "organization", sourceId: org.id } });
    const { engine } = recordingEngine(true);
    expect(await drainOutbox(engine)).toEqual({ indexed: 0, failed: 1 });
    const row = await prisma.searchOutbox.findFirstOrThrow();
    expect([row.attempts, row.lastError]).toEqual([1, "engine down"]);
    expect(row.notBefore.getTime()).toBeLessThan(Date.now() + 60_000);
    await prisma.searchOutbox.deleteMany();
  });
});
