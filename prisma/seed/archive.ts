import type { PrismaClient } from "../../lib/generated/prisma/client";

/** The seeded forms filed under the archive's sections (R27). */
export async function seedArchive(prisma: PrismaClient): Promise<void> {
  await prisma.archiveFiling.createMany({
    data: [
      { formCode: "D-1", section: "generalSecondary" },
      { formCode: "D-3", section: "professionalDevelopment" },
      { formCode: "P-1", section: "performanceRegister" },
      { formCode: "AH-1", section: "generalSecondary" },
    ],
    skipDuplicates: true,
  });
}
