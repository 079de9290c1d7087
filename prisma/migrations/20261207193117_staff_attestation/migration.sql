-- CreateEnum
CREATE TYPE "AttestationStatus" AS ENUM ('SUBMITTED', 'AWARDED', 'REFUSED');

-- CreateEnum
CREATE TYPE "CommissionLevel" AS ENUM ('district', 'region', 'ministry');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'staff.attestation';

-- CreateTable
CREATE TABLE "AttestationApplication" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "fromCategory" "QualificationCategory" NOT NULL,
    "category" "QualificationCategory" NOT NULL,
    "level" "CommissionLevel" NOT NULL,
    "status" "AttestationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "reason" TEXT,
    "awardId" TEXT,

    CONSTRAINT "AttestationApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AttestationApplication_awardId_key" ON "AttestationApplication"("awardId");

-- CreateIndex
CREATE INDEX "AttestationApplication_level_status_submittedAt_idx" ON "AttestationApplication"("level", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "AttestationApplication_organizationId_status_idx" ON "AttestationApplication"("organizationId", "status");

-- CreateIndex
CREATE INDEX "AttestationApplication_employeeId_status_idx" ON "AttestationApplication"("employeeId", "status");

-- CreateIndex
CREATE INDEX "AttestationApplication_decidedById_idx" ON "AttestationApplication"("decidedById");

-- AddForeignKey
ALTER TABLE "AttestationApplication" ADD CONSTRAINT "AttestationApplication_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationApplication" ADD CONSTRAINT "AttestationApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationApplication" ADD CONSTRAINT "AttestationApplication_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationApplication" ADD CONSTRAINT "AttestationApplication_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "CategoryAward"("id") ON DELETE SET NULL ON UPDATE CASCADE;
