import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { viewer } from "@/tests/setup/helpers";
import { searchEngine } from "./engine";
import { reindexAll } from "./outbox";
import { searchStatus } from "./status";

beforeAll(async () => {
  await reindexAll(searchEngine());
});

describe("search status", () => {
  it("shows the engine, its version, the index's documents against the database's and the outbox lag", async () => {
    await prisma.searchOutbox.deleteMany();
    const status = await searchStatus(await viewer("u_ministry"));
    expect(status.health.engine).toBe("postgres");
    expect(status.health.version).toMatch(/^\d+/);
    expect(status.expected).toBeGreaterThan(0);
    expect(status.health.documents).toBe(status.expected);
    expect(status.lagSeconds).toBe(0);

    await prisma.searchOutbox.create({
      data: { source: "dictionary", sourceId: "missing", createdAt: new Date(Date.now() - 90_000) },
    });
    const lagging = await searchStatus(await viewer("u_ministry"));
    expect(lagging.lagSeconds).toBeGreaterThanOrEqual(90);
    await prisma.searchOutbox.deleteMany();
  });
});
