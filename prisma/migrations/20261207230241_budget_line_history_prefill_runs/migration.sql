-- CreateEnum
CREATE TYPE "PrefillRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "BudgetLine" ADD COLUMN     "confirmedPlanned" DOUBLE PRECISION,
ADD COLUMN     "confirmedSpent" DOUBLE PRECISION,
ADD COLUMN     "confirmedVersion" INTEGER;

-- CreateTable
CREATE TABLE "BudgetLineVersion" (
    "id" TEXT NOT NULL,
    "budgetLineId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "planned" DOUBLE PRECISION NOT NULL,
    "spent" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "status" "PassportChangeStatus" NOT NULL,
    "enteredById" TEXT NOT NULL,
    "enteredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,

    CONSTRAINT "BudgetLineVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrefillRun" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "status" "PrefillRunStatus" NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "filled" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "keptCells" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PrefillRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BudgetLineVersion_enteredById_idx" ON "BudgetLineVersion"("enteredById");

-- CreateIndex
CREATE INDEX "BudgetLineVersion_decidedById_idx" ON "BudgetLineVersion"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLineVersion_budgetLineId_version_key" ON "BudgetLineVersion"("budgetLineId", "version");

-- CreateIndex
CREATE INDEX "PrefillRun_status_createdAt_idx" ON "PrefillRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PrefillRun_periodId_territoryId_createdAt_idx" ON "PrefillRun"("periodId", "territoryId", "createdAt");

-- CreateIndex
CREATE INDEX "PrefillRun_territoryId_idx" ON "PrefillRun"("territoryId");

-- CreateIndex
CREATE INDEX "PrefillRun_actorId_idx" ON "PrefillRun"("actorId");

-- AddForeignKey
ALTER TABLE "BudgetLineVersion" ADD CONSTRAINT "BudgetLineVersion_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLineVersion" ADD CONSTRAINT "BudgetLineVersion_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLineVersion" ADD CONSTRAINT "BudgetLineVersion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrefillRun" ADD CONSTRAINT "PrefillRun_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrefillRun" ADD CONSTRAINT "PrefillRun_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrefillRun" ADD CONSTRAINT "PrefillRun_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Lines already confirmed count with their figures; every line's current entry starts its history
UPDATE "BudgetLine" SET "confirmedPlanned" = planned, "confirmedSpent" = spent, "confirmedVersion" = version
WHERE status = 'CONFIRMED';

INSERT INTO "BudgetLineVersion" (id, "budgetLineId", version, planned, spent, comment, status, "enteredById", "enteredAt", "decidedById", "decidedAt", "decisionNote")
SELECT 'blv_' || id, id, version, planned, spent, comment, status, "updatedById", "updatedAt", "decidedById", "decidedAt", "decisionNote"
FROM "BudgetLine";
