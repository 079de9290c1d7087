import "server-only";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { prisma } from "../db";
import { searchEngine } from "./engine";
import type { EngineHealth } from "./types";

export interface SearchStatus {
  health: EngineHealth;
  backlog: number;
  failing: number;
  lastError: string | null;
  reindexedAt: Date | null;
}

/** The index's state for the admin page (documents per type, outbox backlog, last error). */
export async function searchStatus(viewer: Viewer | null): Promise<SearchStatus> {
  authorizeViewer(viewer, "search.manage");
  const [health, backlog, failing, state] = await Promise.all([
    searchEngine().health(),
    prisma.searchOutbox.count(),
    prisma.searchOutbox.count({ where: { attempts: { gt: 0 } } }),
    prisma.searchState.findUnique({ where: { id: 1 } }),
  ]);
  return { health, backlog, failing, lastError: state?.lastError ?? null, reindexedAt: state?.reindexedAt ?? null };
}
