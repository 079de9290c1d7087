-- AlterTable
ALTER TABLE "PublicationComment" ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "PublicationCommentFlag" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "trusted" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "PublicationCommentFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicationCommentFlag_commentId_userId_key" ON "PublicationCommentFlag"("commentId", "userId");

-- AddForeignKey
ALTER TABLE "PublicationCommentFlag" ADD CONSTRAINT "PublicationCommentFlag_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "PublicationComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

