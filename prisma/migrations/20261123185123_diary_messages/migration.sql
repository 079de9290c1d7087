-- CreateTable
CREATE TABLE "DiaryThread" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "classGroupId" TEXT NOT NULL,
    "studentId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiaryThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiaryMessage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiaryMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DiaryThread_classGroupId_lastMessageAt_idx" ON "DiaryThread"("classGroupId", "lastMessageAt");

-- CreateIndex
CREATE INDEX "DiaryThread_studentId_idx" ON "DiaryThread"("studentId");

-- CreateIndex
CREATE INDEX "DiaryMessage_threadId_createdAt_idx" ON "DiaryMessage"("threadId", "createdAt");

-- AddForeignKey
ALTER TABLE "DiaryThread" ADD CONSTRAINT "DiaryThread_classGroupId_fkey" FOREIGN KEY ("classGroupId") REFERENCES "ClassGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiaryThread" ADD CONSTRAINT "DiaryThread_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiaryThread" ADD CONSTRAINT "DiaryThread_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiaryMessage" ADD CONSTRAINT "DiaryMessage_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "DiaryThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiaryMessage" ADD CONSTRAINT "DiaryMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

