-- CreateEnum
CREATE TYPE "PrefillSource" AS ENUM ('STAFF', 'PASSPORT');

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "prefill" JSONB;

-- CreateTable
CREATE TABLE "PrefillMapping" (
    "id" TEXT NOT NULL,
    "formCode" TEXT NOT NULL,
    "cellKey" TEXT NOT NULL,
    "source" "PrefillSource" NOT NULL,
    "measure" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PrefillMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrefillMapping_formCode_cellKey_key" ON "PrefillMapping"("formCode", "cellKey");
