import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { indexVersion } from "./cached";
import { drainOutbox } from "./outbox";
import type { SearchEngine } from "./types";

const quietEngine = { index: async () => {}, removePrefix: async () => {} } as unknown as SearchEngine;

describe("the version of the search index that keys cached answers", () => {
  it("changes when a change is enqueued, when it is indexed and when a reindex switches generations", async () => {
    await prisma.searchOutbox.deleteMany();
    const before = await indexVersion();
    expect(before).not.toBeNull();
    expect(await indexVersion()).toBe(before);

    const org = await prisma.organization.findFirstOrThrow({ select: { id: true } });
    await prisma.searchOutbox.create({ data: { source: "organization", sourceId: org.id } });
    const enqueued = await indexVersion();
    expect(enqueued).not.toBe(before);

    await drainOutbox(quietEngine);
    const indexed = await indexVersion();
    expect(indexed).not.toBe(enqueued);
    expect(indexed).not.toBe(before);

    await prisma.searchState.upsert({
      where: { id: 1 },
      create: { id: 1, active: 2, reindexedAt: new Date() },
      update: { active: { increment: 1 }, reindexedAt: new Date() },
    });
    expect(await indexVersion()).not.toBe(indexed);
  });

  it("is none while a backlog is being indexed, so answers are read from the engine", async () => {
    const org = await prisma.organization.findFirstOrThrow({ select: { id: true } });
    await prisma.searchOutbox.createMany({
      data: Array.from({ length: 1_000 }, () => ({ source: "organization", sourceId: org.id })),
    });
    expect(await indexVersion()).toBeNull();
    await prisma.searchOutbox.deleteMany();
    expect(await indexVersion()).not.toBeNull();
  });
});
