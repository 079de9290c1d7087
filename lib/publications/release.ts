/**
 * Scheduled publications become PUBLISHED when their moment has passed (readers already see them from that
 * moment: public reads check the time). Run every minute by the job runner (lib/jobs, once across all
 * instances), so the search index learns about them.
 */
import { prisma } from "../db";
import { enqueueSearch } from "../search/outbox";

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
