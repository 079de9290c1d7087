-- CreateEnum
CREATE TYPE "ProcessLateAction" AS ENUM ('NOTIFY', 'PASS_THROUGH');

-- CreateEnum
CREATE TYPE "ProcessReturnTo" AS ENUM ('ORGANIZATION', 'PREVIOUS_LEVEL');

-- AlterTable
ALTER TABLE "Form" ADD COLUMN     "processId" TEXT;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "processId" TEXT NOT NULL DEFAULT 'standard';

-- CreateTable
CREATE TABLE "ReportingProcess" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "onLate" "ProcessLateAction" NOT NULL DEFAULT 'NOTIFY',
    "returnTo" "ProcessReturnTo" NOT NULL DEFAULT 'ORGANIZATION',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportingProcess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingProcessLevel" (
    "processId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "level" "ReportingLevel" NOT NULL,
    "days" INTEGER NOT NULL,

    CONSTRAINT "ReportingProcessLevel_pkey" PRIMARY KEY ("processId","position")
);

-- CreateTable
CREATE TABLE "ReportingProcessRule" (
    "id" TEXT NOT NULL,
    "processId" TEXT NOT NULL,
    "orgKind" TEXT,
    "organizationId" TEXT,

    CONSTRAINT "ReportingProcessRule_pkey" PRIMARY KEY ("id")
);

-- Hand-written: the rules the schema cannot express.
ALTER TABLE "ReportingProcessLevel" ADD CONSTRAINT "ReportingProcessLevel_days_check" CHECK ("days" BETWEEN 1 AND 365);
ALTER TABLE "ReportingProcessLevel" ADD CONSTRAINT "ReportingProcessLevel_level_check" CHECK ("level" <> 'ORGANIZATION');
ALTER TABLE "ReportingProcessRule" ADD CONSTRAINT "ReportingProcessRule_target_check" CHECK (("orgKind" IS NULL) <> ("organizationId" IS NULL));

-- Hand-written: the standard process (organisation → district → region → ministry), which every existing
-- submission and every form without a process of its own goes through.
INSERT INTO "ReportingProcess" ("id", "code", "nameKk", "nameRu", "nameEn", "updatedAt")
VALUES ('standard', 'standard', 'Стандартты тізбек: аудан → облыс → министрлік', 'Стандартная цепочка: район → область → министерство', 'Standard chain: district → region → ministry', CURRENT_TIMESTAMP);
INSERT INTO "ReportingProcessLevel" ("processId", "position", "level", "days")
VALUES ('standard', 0, 'DISTRICT', 5), ('standard', 1, 'REGION', 5), ('standard', 2, 'MINISTRY', 10);

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'reporting.escalated';

-- CreateIndex
CREATE UNIQUE INDEX "ReportingProcess_code_key" ON "ReportingProcess"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingProcessRule_orgKind_key" ON "ReportingProcessRule"("orgKind");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingProcessRule_organizationId_key" ON "ReportingProcessRule"("organizationId");

-- CreateIndex
CREATE INDEX "ReportingProcessRule_processId_idx" ON "ReportingProcessRule"("processId");

-- AddForeignKey
ALTER TABLE "Form" ADD CONSTRAINT "Form_processId_fkey" FOREIGN KEY ("processId") REFERENCES "ReportingProcess"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_processId_fkey" FOREIGN KEY ("processId") REFERENCES "ReportingProcess"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingProcessLevel" ADD CONSTRAINT "ReportingProcessLevel_processId_fkey" FOREIGN KEY ("processId") REFERENCES "ReportingProcess"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingProcessRule" ADD CONSTRAINT "ReportingProcessRule_processId_fkey" FOREIGN KEY ("processId") REFERENCES "ReportingProcess"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingProcessRule" ADD CONSTRAINT "ReportingProcessRule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
