-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ServiceKind" ADD VALUE 'TRANSFER';
ALTER TYPE "ServiceKind" ADD VALUE 'PRESCHOOL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ApplicationStatus" ADD VALUE 'RELEASED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'OFFERED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'DECLINED';

-- AlterTable
ALTER TABLE "ClassEnrolment" ADD COLUMN     "endedOn" DATE,
ADD COLUMN     "startedOn" DATE;

-- AlterTable
ALTER TABLE "ServiceApplication" ADD COLUMN     "offerExpiresAt" TIMESTAMP(3),
ADD COLUMN     "preferredOrganizationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "previousPosition" INTEGER,
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "queuePosition" INTEGER,
ADD COLUMN     "targetGrade" INTEGER,
ADD COLUMN     "targetOrganizationId" TEXT,
ADD COLUMN     "territoryId" TEXT;

-- CreateIndex
CREATE INDEX "ServiceApplication_targetOrganizationId_status_idx" ON "ServiceApplication"("targetOrganizationId", "status");

-- CreateIndex
CREATE INDEX "ServiceApplication_kind_territoryId_status_idx" ON "ServiceApplication"("kind", "territoryId", "status");

-- AddForeignKey
ALTER TABLE "ServiceApplication" ADD CONSTRAINT "ServiceApplication_targetOrganizationId_fkey" FOREIGN KEY ("targetOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceApplication" ADD CONSTRAINT "ServiceApplication_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

