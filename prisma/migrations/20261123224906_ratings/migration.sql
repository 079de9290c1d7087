-- CreateEnum
CREATE TYPE "RatingLevel" AS ENUM ('REGION', 'DISTRICT', 'SCHOOL', 'COLLEGE', 'UNIVERSITY');

-- CreateEnum
CREATE TYPE "RatingMethodStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "RatingMethod" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "level" "RatingLevel" NOT NULL,
    "territoryId" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RatingMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingMethodVersion" (
    "id" TEXT NOT NULL,
    "methodId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "RatingMethodStatus" NOT NULL DEFAULT 'DRAFT',
    "aggregation" TEXT NOT NULL,
    "indicators" JSONB NOT NULL,
    "approvalOrder" TEXT,
    "approvedOn" DATE,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingMethodVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "methodId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "draws" INTEGER NOT NULL,
    "spread" DOUBLE PRECISION NOT NULL,
    "seed" INTEGER NOT NULL,
    "robustWidth" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingEntry" (
    "ratingId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "rank" INTEGER,
    "score" DOUBLE PRECISION,
    "breakdown" JSONB NOT NULL DEFAULT '[]',
    "minRank" INTEGER,
    "maxRank" INTEGER,
    "p5" INTEGER,
    "p95" INTEGER,
    "robust" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "RatingEntry_pkey" PRIMARY KEY ("ratingId","entityId")
);

-- CreateIndex
CREATE UNIQUE INDEX "RatingMethod_code_key" ON "RatingMethod"("code");

-- CreateIndex
CREATE INDEX "RatingMethod_territoryId_idx" ON "RatingMethod"("territoryId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingMethodVersion_methodId_number_key" ON "RatingMethodVersion"("methodId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_methodId_year_key" ON "Rating"("methodId", "year");

-- CreateIndex
CREATE INDEX "RatingEntry_entityId_idx" ON "RatingEntry"("entityId");

-- AddForeignKey
ALTER TABLE "RatingMethod" ADD CONSTRAINT "RatingMethod_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingMethodVersion" ADD CONSTRAINT "RatingMethodVersion_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "RatingMethod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "RatingMethod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RatingMethodVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingEntry" ADD CONSTRAINT "RatingEntry_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating"("id") ON DELETE CASCADE ON UPDATE CASCADE;

