-- AlterTable
ALTER TABLE "BudgetLine" ADD COLUMN     "decidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionNote" TEXT,
ADD COLUMN     "status" "PassportChangeStatus" NOT NULL DEFAULT 'PENDING';

-- Lines entered before the confirm step counted at once: they stay counted.
UPDATE "BudgetLine" SET "status" = 'CONFIRMED';

-- CreateTable
CREATE TABLE "PassportFact" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "fact" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PassportFact_pkey" PRIMARY KEY ("organizationId","year","fact")
);

-- CreateIndex
CREATE INDEX "PassportFact_fact_year_organizationId_idx" ON "PassportFact"("fact", "year", "organizationId");

-- CreateIndex
CREATE INDEX "BudgetLine_status_organizationId_idx" ON "BudgetLine"("status", "organizationId");

-- CreateIndex
CREATE INDEX "BudgetLine_decidedById_idx" ON "BudgetLine"("decidedById");

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportFact" ADD CONSTRAINT "PassportFact_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
