/**
 * Scheduled publications become PUBLISHED when their moment has passed (readers already see them from that
 * moment: public reads check the time). Run every minute by the job runner (lib/jobs, once across all
 * instances), so the search index learns about them.
 * Also run by the job runner: pruneReaderViews, which drops the per-reader view rows of days that can no longer be counted.
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
