/**
 * Electronic services demo data: an empty first-grade class "1 А" in school No. 1's current year, so a
 * first-grade application can be accepted into it (demo scale only; the tests create their own classes).
 * The service catalogue itself comes with its migration.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DIARY_YEAR } from "./diary";
import type { Scale } from "./index";

export async function seedServices(prisma: PrismaClient, scale: Scale, log: (line: string) => void = () => {}): Promise<void> {
  if (scale !== "demo") return;
  const admin = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school", role: "ORG_ADMIN" } });
  const year = await prisma.academicYear.findFirstOrThrow({ where: { organizationId: admin.organizationId!, label: DIARY_YEAR } });
  await prisma.classGroup.create({ data: { id: `cg_${year.id}_1_services`, organizationId: year.organizationId, academicYearId: year.id, grade: 1, letter: "А", languageId: "c_language_kk" } });
  log("services: first-grade class 1 А for admissions");
}
