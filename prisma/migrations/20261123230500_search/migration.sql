-- CreateTable
CREATE TABLE "SearchDocument" (
    "generation" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "region" TEXT,
    "subject" TEXT,
    "audience" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "titleNorm" TEXT NOT NULL,
    "tsv" tsvector,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("generation","id")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "SearchState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "active" INTEGER NOT NULL DEFAULT 1,
    "building" INTEGER,
    "lastError" TEXT,
    "reindexedAt" TIMESTAMP(3),

    CONSTRAINT "SearchState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchDocument_generation_type_idx" ON "SearchDocument"("generation", "type");

-- CreateIndex
CREATE INDEX "SearchOutbox_notBefore_idx" ON "SearchOutbox"("notBefore");


-- Full-text, trigram and audience indexes (not expressible in the Prisma schema). pg_trgm comes from the init migration.
CREATE INDEX "SearchDocument_tsv_idx" ON "SearchDocument" USING gin ("tsv");
CREATE INDEX "SearchDocument_titleNorm_trgm_idx" ON "SearchDocument" USING gin ("titleNorm" gin_trgm_ops);
CREATE INDEX "SearchTerm_term_trgm_idx" ON "SearchTerm" USING gin ("term" gin_trgm_ops);
INSERT INTO "SearchState" ("id", "active") VALUES (1, 1);
