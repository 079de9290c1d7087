import "server-only";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { prisma } from "../db";
import { searchEngine } from "./engine";
import { allDocuments } from "./outbox";
import type { EngineHealth } from "./types";

export interface SearchStatus {
  health: EngineHealth;
  backlog: number;
  failing: number;
  lastError: string | null;
  reindexedAt: Date | null;
  /** Documents the database's rows give (what a full reindex would write), to compare with the index. */
  expected: number;
  /** Seconds the oldest change has waited in the outbox (0 when it is empty). */
  lagSeconds: number;
}

/** Counts the documents of every indexer (the database's side of the comparison). */
async function expectedDocuments(): Promise<number> {
  let n = 0;
  for await (const batch of allDocuments()) n += batch.length;
  return n;
}

/** The index's state for the admin page (documents per type, outbox backlog, last error). */
export async function searchStatus(viewer: Viewer | null): Promise<SearchStatus> {
  authorizeViewer(viewer, "search.manage");
  const [health, backlog, failing, state, oldest, expected] = await Promise.all([
    searchEngine().health(),
    prisma.searchOutbox.count(),
    prisma.searchOutbox.count({ where: { attempts: { gt: 0 } } }),
    prisma.searchState.findUnique({ where: { id: 1 } }),
    prisma.searchOutbox.findFirst({ orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    expectedDocuments(),
  ]);
  const lagSeconds = oldest ? Math.max(0, Math.round((Date.now() - oldest.createdAt.getTime()) / 1000)) : 0;
  return {
    health,
    backlog,
    failing,
    lastError: state?.lastError ?? null,
    reindexedAt: state?.reindexedAt ?? null,
    expected,
    lagSeconds,
  };
}
