-- CreateEnum
CREATE TYPE "PackageVerdict" AS ENUM ('ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "PackageKey" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL DEFAULT 'ed25519',
    "publicKey" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackageKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataPackage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "formCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "periodLabel" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "signature" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "verdict" "PackageVerdict" NOT NULL,
    "submissionId" TEXT,
    "receipt" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServerKey" (
    "id" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL DEFAULT 'ed25519',
    "publicKey" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServerKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveFiling" (
    "formCode" TEXT NOT NULL,
    "section" TEXT NOT NULL,

    CONSTRAINT "ArchiveFiling_pkey" PRIMARY KEY ("formCode")
);

-- CreateTable
CREATE TABLE "ArchiveBackup" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" BIGINT,
    "sha256" TEXT,
    "error" TEXT,
    "createdById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ArchiveBackup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveSetting" (
    "id" TEXT NOT NULL,
    "daily" BOOLEAN NOT NULL DEFAULT false,
    "hourUtc" INTEGER NOT NULL DEFAULT 1,
    "keep" INTEGER NOT NULL DEFAULT 7,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArchiveSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PackageKey_fingerprint_key" ON "PackageKey"("fingerprint");

-- CreateIndex
CREATE INDEX "PackageKey_organizationId_idx" ON "PackageKey"("organizationId");

-- CreateIndex
CREATE INDEX "DataPackage_organizationId_receivedAt_idx" ON "DataPackage"("organizationId", "receivedAt");

-- CreateIndex
CREATE INDEX "DataPackage_expiresAt_idx" ON "DataPackage"("expiresAt");

-- CreateIndex
CREATE INDEX "ArchiveBackup_startedAt_idx" ON "ArchiveBackup"("startedAt");

-- AddForeignKey
ALTER TABLE "PackageKey" ADD CONSTRAINT "PackageKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataPackage" ADD CONSTRAINT "DataPackage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataPackage" ADD CONSTRAINT "DataPackage_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "PackageKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

