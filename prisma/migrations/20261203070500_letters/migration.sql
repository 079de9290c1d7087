-- CreateEnum
CREATE TYPE "LetterDirection" AS ENUM ('INCOMING', 'OUTGOING');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('REGISTERED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED', 'CANCELLED');

-- CreateTable
CREATE TABLE "LetterCounter" (
    "organizationId" TEXT NOT NULL,
    "direction" "LetterDirection" NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LetterCounter_pkey" PRIMARY KEY ("organizationId","direction","year")
);

-- CreateTable
CREATE TABLE "Letter" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "direction" "LetterDirection" NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "letterDate" DATE,
    "letterNumber" TEXT,
    "correspondent" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "note" TEXT,
    "executorId" TEXT,
    "dueDate" DATE,
    "status" "LetterStatus" NOT NULL DEFAULT 'REGISTERED',
    "replyToId" TEXT,
    "fileSha256" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "cancelReason" TEXT,
    "registeredById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Letter_organizationId_direction_registeredAt_idx" ON "Letter"("organizationId", "direction", "registeredAt");

-- CreateIndex
CREATE INDEX "Letter_organizationId_status_dueDate_idx" ON "Letter"("organizationId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Letter_replyToId_idx" ON "Letter"("replyToId");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_organizationId_direction_year_sequence_key" ON "Letter"("organizationId", "direction", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_organizationId_number_key" ON "Letter"("organizationId", "number");

-- AddForeignKey
ALTER TABLE "LetterCounter" ADD CONSTRAINT "LetterCounter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_executorId_fkey" FOREIGN KEY ("executorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "Letter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

