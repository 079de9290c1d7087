-- CreateEnum
CREATE TYPE "DictionaryRelationKind" AS ENUM ('SYNONYM', 'ANTONYM', 'RELATED', 'PHRASE');

-- CreateEnum
CREATE TYPE "DictionaryRevisionKind" AS ENUM ('CREATE', 'UPDATE', 'DELETE');

-- CreateEnum
CREATE TYPE "DictionaryRevisionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "DictionaryEntry" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "lemma" TEXT NOT NULL,
    "lemmaLatin" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "homonym" INTEGER NOT NULL DEFAULT 1,
    "themes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "weight" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL DEFAULT 'editor',
    "checked" BOOLEAN NOT NULL DEFAULT false,
    "checkedAt" TIMESTAMP(3),
    "checkedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DictionaryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DictionarySense" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "partOfSpeech" TEXT,
    "gloss" TEXT,
    "source" TEXT NOT NULL DEFAULT 'editor',

    CONSTRAINT "DictionarySense_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DictionaryTranslation" (
    "id" TEXT NOT NULL,
    "senseId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL DEFAULT 'editor',

    CONSTRAINT "DictionaryTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DictionaryExample" (
    "id" TEXT NOT NULL,
    "senseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "kk" TEXT NOT NULL,
    "ru" TEXT,
    "en" TEXT,

    CONSTRAINT "DictionaryExample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DictionaryRelation" (
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" "DictionaryRelationKind" NOT NULL,

    CONSTRAINT "DictionaryRelation_pkey" PRIMARY KEY ("fromId","toId","kind")
);

-- CreateTable
CREATE TABLE "DictionaryRevision" (
    "id" TEXT NOT NULL,
    "entryId" TEXT,
    "lemma" TEXT NOT NULL,
    "kind" "DictionaryRevisionKind" NOT NULL,
    "status" "DictionaryRevisionStatus" NOT NULL DEFAULT 'PENDING',
    "data" JSONB NOT NULL,
    "before" JSONB,
    "baseVersion" INTEGER,
    "comment" TEXT,
    "authorId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DictionaryRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlashcardProgress" (
    "userId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "repetitions" INTEGER NOT NULL DEFAULT 0,
    "intervalDays" INTEGER NOT NULL DEFAULT 0,
    "ease" DOUBLE PRECISION NOT NULL DEFAULT 2.5,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "dueAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastReviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlashcardProgress_pkey" PRIMARY KEY ("userId","entryId")
);

-- CreateIndex
CREATE UNIQUE INDEX "DictionaryEntry_slug_key" ON "DictionaryEntry"("slug");

-- CreateIndex
CREATE INDEX "DictionaryEntry_weight_idx" ON "DictionaryEntry"("weight");

-- CreateIndex
CREATE UNIQUE INDEX "DictionaryEntry_normalized_homonym_key" ON "DictionaryEntry"("normalized", "homonym");

-- CreateIndex
CREATE INDEX "DictionarySense_entryId_position_idx" ON "DictionarySense"("entryId", "position");

-- CreateIndex
CREATE INDEX "DictionaryTranslation_lang_normalized_idx" ON "DictionaryTranslation"("lang", "normalized");

-- CreateIndex
CREATE UNIQUE INDEX "DictionaryTranslation_senseId_lang_normalized_key" ON "DictionaryTranslation"("senseId", "lang", "normalized");

-- CreateIndex
CREATE INDEX "DictionaryRelation_toId_idx" ON "DictionaryRelation"("toId");

-- CreateIndex
CREATE INDEX "DictionaryRevision_status_createdAt_idx" ON "DictionaryRevision"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DictionaryRevision_entryId_createdAt_idx" ON "DictionaryRevision"("entryId", "createdAt");

-- CreateIndex
CREATE INDEX "FlashcardProgress_userId_dueAt_idx" ON "FlashcardProgress"("userId", "dueAt");

-- AddForeignKey
ALTER TABLE "DictionaryEntry" ADD CONSTRAINT "DictionaryEntry_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DictionarySense" ADD CONSTRAINT "DictionarySense_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "DictionaryEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DictionaryTranslation" ADD CONSTRAINT "DictionaryTranslation_senseId_fkey" FOREIGN KEY ("senseId") REFERENCES "DictionarySense"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DictionaryExample" ADD CONSTRAINT "DictionaryExample_senseId_fkey" FOREIGN KEY ("senseId") REFERENCES "DictionarySense"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DictionaryRelation" ADD CONSTRAINT "DictionaryRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "DictionaryEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DictionaryRelation" ADD CONSTRAINT "DictionaryRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "DictionaryEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DictionaryRevision" ADD CONSTRAINT "DictionaryRevision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "DictionaryEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DictionaryRevision" ADD CONSTRAINT "DictionaryRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DictionaryRevision" ADD CONSTRAINT "DictionaryRevision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlashcardProgress" ADD CONSTRAINT "FlashcardProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlashcardProgress" ADD CONSTRAINT "FlashcardProgress_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "DictionaryEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Dictionary lookups: trigram indexes for close spellings (similarity, %) and
-- text_pattern_ops btrees for prefix matches (LIKE 'x%'). pg_trgm comes from the init migration.
CREATE INDEX "DictionaryEntry_normalized_trgm_idx" ON "DictionaryEntry" USING gin ("normalized" gin_trgm_ops);
CREATE INDEX "DictionaryEntry_normalized_prefix_idx" ON "DictionaryEntry" ("normalized" text_pattern_ops);
CREATE INDEX "DictionaryTranslation_normalized_trgm_idx" ON "DictionaryTranslation" USING gin ("normalized" gin_trgm_ops);
CREATE INDEX "DictionaryTranslation_normalized_prefix_idx" ON "DictionaryTranslation" ("lang", "normalized" text_pattern_ops);
CREATE INDEX "DictionaryEntry_themes_idx" ON "DictionaryEntry" USING gin ("themes");
