/**
 * Scheduled publications become PUBLISHED when their moment has passed (readers already see them from that
 * moment: public reads check the time). Runs every minute in the server process (scripts/start.ts), so the
 * search index learns about them; no "server-only" import, as the start script is outside the Next bundle.
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

export function startPublicationSchedule(log: (line: string) => void = console.log): () => void {
  const timer = setInterval(() => {
    releaseScheduled().then(
      (n) => n && log(`publications: ${n} scheduled publication(s) released`),
      (error: unknown) => log(`publications: ${(error as Error).message}`),
    );
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
