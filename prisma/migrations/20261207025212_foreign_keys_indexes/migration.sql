-- Foreign keys where an id refers to a row, and an index leading with every foreign key (joins, and the
-- checks that deleting a referenced row makes). Optional references to rows that no longer exist are cleared
-- first, so the constraints can be added to existing data.
UPDATE "FormVersion" SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "FormVersion"."createdById");
UPDATE "Submission" SET "submittedById" = NULL WHERE "submittedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "Submission"."submittedById");
UPDATE "SubmissionEvent" SET "actorId" = NULL WHERE "actorId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "SubmissionEvent"."actorId");
UPDATE "GradeWeights" SET "updatedById" = NULL WHERE "updatedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "GradeWeights"."updatedById");
UPDATE "Mark" SET "updatedById" = NULL WHERE "updatedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "Mark"."updatedById");
UPDATE "Attendance" SET "updatedById" = NULL WHERE "updatedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "Attendance"."updatedById");
UPDATE "SummativeResult" SET "updatedById" = NULL WHERE "updatedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "SummativeResult"."updatedById");
UPDATE "TermGrade" SET "confirmedById" = NULL WHERE "confirmedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "TermGrade"."confirmedById");
UPDATE "RatingMethod" SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "RatingMethod"."createdById");
UPDATE "Rating" SET "publishedById" = NULL WHERE "publishedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "Rating"."publishedById");
UPDATE "ServiceApplication" SET "classGroupId" = NULL WHERE "classGroupId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ClassGroup" t WHERE t."id" = "ServiceApplication"."classGroupId");
UPDATE "PackageKey" SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "PackageKey"."createdById");
UPDATE "DataPackage" SET "submissionId" = NULL WHERE "submissionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Submission" t WHERE t."id" = "DataPackage"."submissionId");
UPDATE "ArchiveBackup" SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "ArchiveBackup"."createdById");
UPDATE "ForumCategory" SET "authorityId" = NULL WHERE "authorityId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Organization" t WHERE t."id" = "ForumCategory"."authorityId");
UPDATE "ForumPost" SET "replyToId" = NULL WHERE "replyToId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ForumPost" t WHERE t."id" = "ForumPost"."replyToId");
UPDATE "Publication" SET "organizationId" = NULL WHERE "organizationId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Organization" t WHERE t."id" = "Publication"."organizationId");
UPDATE "Publication" SET "coverId" = NULL WHERE "coverId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "PublicationAttachment" t WHERE t."id" = "Publication"."coverId");
UPDATE "Publication" SET "reviewerId" = NULL WHERE "reviewerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" t WHERE t."id" = "Publication"."reviewerId");

-- CreateIndex
CREATE INDEX "ArchiveBackup_createdById_idx" ON "ArchiveBackup"("createdById");

-- CreateIndex
CREATE INDEX "Attendance_updatedById_idx" ON "Attendance"("updatedById");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- CreateIndex
CREATE INDEX "Certificate_issuedById_idx" ON "Certificate"("issuedById");

-- CreateIndex
CREATE INDEX "ChatMessage_authorId_idx" ON "ChatMessage"("authorId");

-- CreateIndex
CREATE INDEX "ChatRoom_subjectId_idx" ON "ChatRoom"("subjectId");

-- CreateIndex
CREATE INDEX "ClassEnrolment_organizationId_idx" ON "ClassEnrolment"("organizationId");

-- CreateIndex
CREATE INDEX "ClassGroup_languageId_idx" ON "ClassGroup"("languageId");

-- CreateIndex
CREATE INDEX "DataPackage_keyId_idx" ON "DataPackage"("keyId");

-- CreateIndex
CREATE INDEX "DataPackage_submissionId_idx" ON "DataPackage"("submissionId");

-- CreateIndex
CREATE INDEX "DataValue_submissionId_idx" ON "DataValue"("submissionId");

-- CreateIndex
CREATE INDEX "DiaryMessage_organizationId_idx" ON "DiaryMessage"("organizationId");

-- CreateIndex
CREATE INDEX "DiaryMessage_authorId_idx" ON "DiaryMessage"("authorId");

-- CreateIndex
CREATE INDEX "DiaryThread_organizationId_idx" ON "DiaryThread"("organizationId");

-- CreateIndex
CREATE INDEX "DiaryThread_createdById_idx" ON "DiaryThread"("createdById");

-- CreateIndex
CREATE INDEX "DictionaryEntry_checkedById_idx" ON "DictionaryEntry"("checkedById");

-- CreateIndex
CREATE INDEX "DictionaryExample_senseId_idx" ON "DictionaryExample"("senseId");

-- CreateIndex
CREATE INDEX "DictionaryRevision_authorId_idx" ON "DictionaryRevision"("authorId");

-- CreateIndex
CREATE INDEX "DictionaryRevision_reviewerId_idx" ON "DictionaryRevision"("reviewerId");

-- CreateIndex
CREATE INDEX "FlashcardProgress_entryId_idx" ON "FlashcardProgress"("entryId");

-- CreateIndex
CREATE INDEX "FormAddressee_organizationId_idx" ON "FormAddressee"("organizationId");

-- CreateIndex
CREATE INDEX "FormVersion_createdById_idx" ON "FormVersion"("createdById");

-- CreateIndex
CREATE INDEX "ForumCategory_authorityId_idx" ON "ForumCategory"("authorityId");

-- CreateIndex
CREATE INDEX "ForumFlag_userId_idx" ON "ForumFlag"("userId");

-- CreateIndex
CREATE INDEX "ForumPost_replyToId_idx" ON "ForumPost"("replyToId");

-- CreateIndex
CREATE INDEX "ForumReaction_userId_idx" ON "ForumReaction"("userId");

-- CreateIndex
CREATE INDEX "ForumThread_authorId_idx" ON "ForumThread"("authorId");

-- CreateIndex
CREATE INDEX "GradeWeights_updatedById_idx" ON "GradeWeights"("updatedById");

-- CreateIndex
CREATE INDEX "Lesson_subjectId_idx" ON "Lesson"("subjectId");

-- CreateIndex
CREATE INDEX "Lesson_termId_idx" ON "Lesson"("termId");

-- CreateIndex
CREATE INDEX "Letter_executorId_idx" ON "Letter"("executorId");

-- CreateIndex
CREATE INDEX "Letter_registeredById_idx" ON "Letter"("registeredById");

-- CreateIndex
CREATE INDEX "Mark_updatedById_idx" ON "Mark"("updatedById");

-- CreateIndex
CREATE INDEX "MarkChange_changedById_idx" ON "MarkChange"("changedById");

-- CreateIndex
CREATE INDEX "Organization_languageId_idx" ON "Organization"("languageId");

-- CreateIndex
CREATE INDEX "PackageKey_createdById_idx" ON "PackageKey"("createdById");

-- CreateIndex
CREATE INDEX "Publication_coverId_idx" ON "Publication"("coverId");

-- CreateIndex
CREATE INDEX "Publication_reviewerId_idx" ON "Publication"("reviewerId");

-- CreateIndex
CREATE INDEX "PublicationAttachment_uploadedById_idx" ON "PublicationAttachment"("uploadedById");

-- CreateIndex
CREATE INDEX "PublicationCommentFlag_userId_idx" ON "PublicationCommentFlag"("userId");

-- CreateIndex
CREATE INDEX "PublicationRating_userId_idx" ON "PublicationRating"("userId");

-- CreateIndex
CREATE INDEX "PublicationRemark_authorId_idx" ON "PublicationRemark"("authorId");

-- CreateIndex
CREATE INDEX "Rating_versionId_idx" ON "Rating"("versionId");

-- CreateIndex
CREATE INDEX "Rating_publishedById_idx" ON "Rating"("publishedById");

-- CreateIndex
CREATE INDEX "RatingMethod_createdById_idx" ON "RatingMethod"("createdById");

-- CreateIndex
CREATE INDEX "RoleAssignment_territoryId_idx" ON "RoleAssignment"("territoryId");

-- CreateIndex
CREATE INDEX "RoleAssignment_organizationId_idx" ON "RoleAssignment"("organizationId");

-- CreateIndex
CREATE INDEX "RoleAssignment_grantedById_idx" ON "RoleAssignment"("grantedById");

-- CreateIndex
CREATE INDEX "ServiceApplication_territoryId_idx" ON "ServiceApplication"("territoryId");

-- CreateIndex
CREATE INDEX "ServiceApplication_childId_idx" ON "ServiceApplication"("childId");

-- CreateIndex
CREATE INDEX "ServiceApplication_classGroupId_idx" ON "ServiceApplication"("classGroupId");

-- CreateIndex
CREATE INDEX "ServiceApplicationEvent_actorId_idx" ON "ServiceApplicationEvent"("actorId");

-- CreateIndex
CREATE INDEX "Submission_formVersionId_idx" ON "Submission"("formVersionId");

-- CreateIndex
CREATE INDEX "Submission_submittedById_idx" ON "Submission"("submittedById");

-- CreateIndex
CREATE INDEX "SubmissionEvent_organizationId_idx" ON "SubmissionEvent"("organizationId");

-- CreateIndex
CREATE INDEX "SubmissionEvent_actorId_idx" ON "SubmissionEvent"("actorId");

-- CreateIndex
CREATE INDEX "SummativeAssessment_subjectId_idx" ON "SummativeAssessment"("subjectId");

-- CreateIndex
CREATE INDEX "SummativeAssessment_termId_idx" ON "SummativeAssessment"("termId");

-- CreateIndex
CREATE INDEX "SummativeResult_organizationId_idx" ON "SummativeResult"("organizationId");

-- CreateIndex
CREATE INDEX "SummativeResult_updatedById_idx" ON "SummativeResult"("updatedById");

-- CreateIndex
CREATE INDEX "TeachingAssignment_organizationId_idx" ON "TeachingAssignment"("organizationId");

-- CreateIndex
CREATE INDEX "TeachingAssignment_subjectId_idx" ON "TeachingAssignment"("subjectId");

-- CreateIndex
CREATE INDEX "TermClosure_organizationId_idx" ON "TermClosure"("organizationId");

-- CreateIndex
CREATE INDEX "TermClosure_subjectId_idx" ON "TermClosure"("subjectId");

-- CreateIndex
CREATE INDEX "TermClosure_termId_idx" ON "TermClosure"("termId");

-- CreateIndex
CREATE INDEX "TermClosure_closedById_idx" ON "TermClosure"("closedById");

-- CreateIndex
CREATE INDEX "TermGrade_organizationId_idx" ON "TermGrade"("organizationId");

-- CreateIndex
CREATE INDEX "TermGrade_subjectId_idx" ON "TermGrade"("subjectId");

-- CreateIndex
CREATE INDEX "TermGrade_studentId_idx" ON "TermGrade"("studentId");

-- CreateIndex
CREATE INDEX "TermGrade_confirmedById_idx" ON "TermGrade"("confirmedById");

-- CreateIndex
CREATE INDEX "TimetableSlot_subjectId_idx" ON "TimetableSlot"("subjectId");

-- CreateIndex
CREATE INDEX "User_personId_idx" ON "User"("personId");

-- AddForeignKey
ALTER TABLE "FormVersion" ADD CONSTRAINT "FormVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionEvent" ADD CONSTRAINT "SubmissionEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionEvent" ADD CONSTRAINT "SubmissionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatabankSummary" ADD CONSTRAINT "DatabankSummary_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatabankView" ADD CONSTRAINT "DatabankView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeWeights" ADD CONSTRAINT "GradeWeights_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Term" ADD CONSTRAINT "Term_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassGroup" ADD CONSTRAINT "ClassGroup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassEnrolment" ADD CONSTRAINT "ClassEnrolment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeachingAssignment" ADD CONSTRAINT "TeachingAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummativeAssessment" ADD CONSTRAINT "SummativeAssessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummativeResult" ADD CONSTRAINT "SummativeResult_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummativeResult" ADD CONSTRAINT "SummativeResult_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermGrade" ADD CONSTRAINT "TermGrade_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermGrade" ADD CONSTRAINT "TermGrade_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermClosure" ADD CONSTRAINT "TermClosure_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiaryThread" ADD CONSTRAINT "DiaryThread_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiaryMessage" ADD CONSTRAINT "DiaryMessage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingMethod" ADD CONSTRAINT "RatingMethod_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceApplication" ADD CONSTRAINT "ServiceApplication_classGroupId_fkey" FOREIGN KEY ("classGroupId") REFERENCES "ClassGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageKey" ADD CONSTRAINT "PackageKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataPackage" ADD CONSTRAINT "DataPackage_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveBackup" ADD CONSTRAINT "ArchiveBackup_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumCategory" ADD CONSTRAINT "ForumCategory_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumThread" ADD CONSTRAINT "ForumThread_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPost" ADD CONSTRAINT "ForumPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPost" ADD CONSTRAINT "ForumPost_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "ForumPost"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumReaction" ADD CONSTRAINT "ForumReaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumThreadState" ADD CONSTRAINT "ForumThreadState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumUserState" ADD CONSTRAINT "ForumUserState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatRoom" ADD CONSTRAINT "ChatRoom_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatRoom" ADD CONSTRAINT "ChatRoom_classGroupId_fkey" FOREIGN KEY ("classGroupId") REFERENCES "ClassGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatRoom" ADD CONSTRAINT "ChatRoom_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "ClassifierItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_coverId_fkey" FOREIGN KEY ("coverId") REFERENCES "PublicationAttachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationRemark" ADD CONSTRAINT "PublicationRemark_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationAttachment" ADD CONSTRAINT "PublicationAttachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationRating" ADD CONSTRAINT "PublicationRating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationComment" ADD CONSTRAINT "PublicationComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationCommentFlag" ADD CONSTRAINT "PublicationCommentFlag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
