/**
 * Scheduled publications become PUBLISHED when their moment has passed (readers already see them from that
 * moment: public reads check the time). Runs every minute in the server process (scripts/start.ts), so the
 * search index learns about them; no "server-only" import, as the start script is outside the Next bundle.
 * The same schedule drops, once an hour, the per-reader view rows of days that can no longer be counted.
 */
import { prisma } from "../db";
import { enqueueSearch } from "../search/outbox";
import { almatyDate } from "../time";

export async function releaseScheduled(now = new Date()): Promise<number> {
  const due = await prisma.publication.findMany({
    where: { status: "SCHEDULED", publishedAt: { lte: now } },
    select: { id: true },
  });
  if (!due.length) return 0;
  await prisma.$transaction(async (tx) => {
    await tx.publication.updateMany({
      where: { id: { in: due.map((d) => d.id) }, status: "SCHEDULED" },
      data: { status: "PUBLISHED" },
    });
    await enqueueSearch(
      tx,
      "publication",
      due.map((d) => d.id),
    );
  });
  return due.length;
}

/**
 * Drops the rows that counted readers once a day (PublicationView) for days before yesterday in Almaty: a
 * view on those days can no longer be counted, and the counters themselves stay on the publications.
 */
export async function pruneReaderViews(now = new Date()): Promise<number> {
  const keepFrom = almatyDate(new Date(now.getTime() - 86_400_000));
  return prisma.$executeRaw`DELETE FROM "PublicationView" WHERE "day" < ${keepFrom}::date`;
}

export function startPublicationSchedule(log: (line: string) => void = console.log): () => void {
  let minutes = 0;
  const timer = setInterval(() => {
    releaseScheduled().then(
      (n) => n && log(`publications: ${n} scheduled publication(s) released`),
      (error: unknown) => log(`publications: ${(error as Error).message}`),
    );
    if (minutes++ % 60 === 0)
      pruneReaderViews().catch((error: unknown) => log(`publications: ${(error as Error).message}`));
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
