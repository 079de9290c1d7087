/**
 * The search outbox: content writers add a row in the same transaction as their change (enqueueSearch);
 * drainOutbox hands the changed rows to their indexer and the engine, deletes what went through and keeps
 * the rest with a growing delay, so an outage of the search engine loses no update.
 */
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { indexerFor, INDEXERS } from "./indexers";
import type { SearchEngine } from "./types";

type Tx = Prisma.TransactionClient;

/** Records that rows of a source changed (created, updated or deleted); call inside the content transaction. */
export async function enqueueSearch(tx: Tx, source: string, ids: readonly string[]): Promise<void> {
  if (ids.length)
    await tx.searchOutbox.createMany({ data: [...new Set(ids)].map((sourceId) => ({ source, sourceId })) });
}

/** Seconds before the n-th retry: 5, 10, 20 … up to ten minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(600, 5 * 2 ** Math.max(0, attempts - 1));
}

export interface DrainResult {
  indexed: number;
  failed: number;
}

/**
 * Seconds a claimed row stays invisible to other drains: a drain that dies mid-batch (its instance killed)
 * leaves its rows, which become due again after this long and are indexed by the next drain.
 */
export const VISIBILITY_SECONDS = 300;

interface ClaimedRow {
  id: bigint;
  source: string;
  sourceId: string;
  attempts: number;
}

/**
 * Claims up to `limit` due rows for this drain: one UPDATE of the rows selected `FOR UPDATE SKIP LOCKED`
 * (a concurrent drain skips them instead of waiting or taking them too) that moves their `notBefore` past
 * the visibility timeout. The rows are deleted once indexed, so none is lost if the drain dies.
 */
export async function claimOutbox(limit: number): Promise<ClaimedRow[]> {
  return prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "SearchOutbox" SET "notBefore" = clock_timestamp() + ${VISIBILITY_SECONDS}::int * interval '1 second'
     WHERE id IN (SELECT id FROM "SearchOutbox" WHERE "notBefore" <= clock_timestamp()
                   ORDER BY id LIMIT ${limit}::int FOR UPDATE SKIP LOCKED)
    RETURNING id, source, "sourceId", attempts`;
}

/** Processes up to `limit` due outbox rows; returns how many rows went through and how many failed. */
export async function drainOutbox(engine: SearchEngine, limit = 500): Promise<DrainResult> {
  const rows = (await claimOutbox(limit)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result: DrainResult = { indexed: 0, failed: 0 };
  const bySource = new Map<string, typeof rows>();
  for (const r of rows) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  for (const [source, list] of bySource) {
    const ids = [...new Set(list.map((r) => r.sourceId))];
    try {
      const indexer = indexerFor(source);
      if (!indexer) throw new Error(`No search indexer for "${source}"`);
      const documents = await indexer.load(ids);
      const present = new Set(documents.map((d) => d.id));
      for (const id of ids) {
        const prefix = indexer.prefix(id);
        if (![...present].some((d) => d.startsWith(prefix))) await engine.removePrefix(prefix);
      }
      await engine.index(documents);
      await prisma.searchOutbox.deleteMany({ where: { id: { in: list.map((r) => r.id) } } });
      result.indexed += list.length;
    } catch (error) {
      const message = String((error as Error).message ?? error).slice(0, 500);
      result.failed += list.length;
      for (const r of list) {
        await prisma.searchOutbox.update({
          where: { id: r.id },
          data: {
            attempts: { increment: 1 },
            lastError: message,
            notBefore: new Date(Date.now() + retryDelaySeconds(r.attempts + 1) * 1000),
          },
        });
      }
      await prisma.searchState.updateMany({ where: { id: 1 }, data: { lastError: message } });
    }
  }
  return result;
}

/** Drains until nothing due is left (or only failures remain). */
export async function syncAll(engine: SearchEngine, log: (line: string) => void = () => {}): Promise<DrainResult> {
  const total: DrainResult = { indexed: 0, failed: 0 };
  for (;;) {
    const r = await drainOutbox(engine);
    total.indexed += r.indexed;
    total.failed += r.failed;
    if (r.indexed + r.failed) log(`  ${total.indexed} changes indexed, ${total.failed} failed`);
    if (r.indexed === 0) return total;
  }
}

/** Every document of every indexer, for a full reindex. */
export async function* allDocuments() {
  for (const indexer of INDEXERS) yield* indexer.all();
}

/** Rebuilds the whole index into a shadow copy and swaps it in; `progress` gets the running count. */
export async function reindexAll(engine: SearchEngine, progress?: (written: number) => void): Promise<number> {
  await engine.ensureSchema();
  return engine.reindex(allDocuments, progress);
}

/** Builds the index when it is empty (first start, new engine); returns the documents written. */
export async function ensureIndexed(engine: SearchEngine, log: (line: string) => void = () => {}): Promise<number> {
  await engine.ensureSchema();
  if ((await engine.count()) > 0) return 0;
  const n = await reindexAll(engine);
  log(`Search index built: ${n} documents`);
  return n;
}
