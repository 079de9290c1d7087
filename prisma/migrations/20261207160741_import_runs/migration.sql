-- CreateEnum
CREATE TYPE "ImportRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED', 'ROLLED_BACK');

-- CreateTable
CREATE TABLE "ImportProfile" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "columns" TEXT[],
    "mapping" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceSha256" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "mapping" JSONB NOT NULL,
    "status" "ImportRunStatus" NOT NULL DEFAULT 'QUEUED',
    "lastLine" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "countNew" INTEGER NOT NULL DEFAULT 0,
    "countUpdate" INTEGER NOT NULL DEFAULT 0,
    "countSame" INTEGER NOT NULL DEFAULT 0,
    "countDup" INTEGER NOT NULL DEFAULT 0,
    "countInvalid" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "heartbeatAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "rolledBackAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRowOutcome" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "changes" TEXT[],
    "field" TEXT,
    "reason" TEXT,
    "params" JSONB,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "version" INTEGER,
    "extraId" TEXT,

    CONSTRAINT "ImportRowOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportProfile_createdById_target_name_key" ON "ImportProfile"("createdById", "target", "name");

-- CreateIndex
CREATE INDEX "ImportRun_status_idx" ON "ImportRun"("status");

-- CreateIndex
CREATE INDEX "ImportRun_actorId_idx" ON "ImportRun"("actorId");

-- CreateIndex
CREATE INDEX "ImportRowOutcome_runId_outcome_idx" ON "ImportRowOutcome"("runId", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRowOutcome_runId_line_key" ON "ImportRowOutcome"("runId", "line");

-- AddForeignKey
ALTER TABLE "ImportRowOutcome" ADD CONSTRAINT "ImportRowOutcome_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
