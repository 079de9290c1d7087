/** The retention job of data packages (R36): runs daily in the server (lib/archive/schedule.ts). */
import { prisma } from "../db";

/** Deletes packages past their retention period; logs what it deleted. Returns the count. */
export async function purgeExpiredPackages(
  now = new Date(),
  log: (line: string) => void = console.log,
): Promise<number> {
  const expired = await prisma.dataPackage.findMany({
    where: { expiresAt: { lt: now } },
    select: { id: true, organizationId: true, formCode: true, expiresAt: true },
  });
  if (!expired.length) return 0;
  await prisma.$transaction(async (tx) => {
    await tx.dataPackage.deleteMany({ where: { id: { in: expired.map((e) => e.id) } } });
    for (const e of expired) {
      await tx.auditLog.create({
        data: {
          actorId: null,
          action: "delete",
          entity: "DataPackage",
          entityId: e.id,
          before: {
            organizationId: e.organizationId,
            formCode: e.formCode,
            expiresAt: e.expiresAt.toISOString(),
            reason: "retention",
          },
        },
      });
    }
  });
  log(`packages: purged ${expired.length} package(s) past their retention period`);
  return expired.length;
}
