-- AlterTable
ALTER TABLE "ForumPostRevision" ADD COLUMN     "redactedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PublicationView" (
    "publicationId" TEXT NOT NULL,
    "reader" TEXT NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "PublicationView_pkey" PRIMARY KEY ("publicationId","day","reader")
);

-- CreateIndex
CREATE INDEX "PublicationView_day_idx" ON "PublicationView"("day");

-- AddForeignKey
ALTER TABLE "PublicationView" ADD CONSTRAINT "PublicationView_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
