-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('STUDY_CERTIFICATE', 'FIRST_GRADE');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED', 'REFUSED', 'ISSUED');

-- CreateTable
CREATE TABLE "ServiceDefinition" (
    "kind" "ServiceKind" NOT NULL,
    "timeLimitDays" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ServiceDefinition_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "ServiceApplication" (
    "id" TEXT NOT NULL,
    "kind" "ServiceKind" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "applicantId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "childId" TEXT,
    "childIin" TEXT NOT NULL,
    "childLastName" TEXT NOT NULL,
    "childFirstName" TEXT NOT NULL,
    "childMiddleName" TEXT,
    "childBirthDate" DATE NOT NULL,
    "admissionYear" INTEGER,
    "classGroupId" TEXT,
    "language" TEXT NOT NULL DEFAULT 'kk',
    "note" TEXT,
    "reason" TEXT,
    "activeKey" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceApplicationEvent" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceApplicationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "ServiceKind" NOT NULL,
    "applicationId" TEXT,
    "studentId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "holderInitials" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "classLabel" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" DATE NOT NULL,
    "issuedById" TEXT NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceApplication_activeKey_key" ON "ServiceApplication"("activeKey");

-- CreateIndex
CREATE INDEX "ServiceApplication_organizationId_status_idx" ON "ServiceApplication"("organizationId", "status");

-- CreateIndex
CREATE INDEX "ServiceApplication_applicantId_idx" ON "ServiceApplication"("applicantId");

-- CreateIndex
CREATE INDEX "ServiceApplication_childIin_idx" ON "ServiceApplication"("childIin");

-- CreateIndex
CREATE INDEX "ServiceApplicationEvent_applicationId_at_idx" ON "ServiceApplicationEvent"("applicationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_seq_key" ON "Certificate"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_number_key" ON "Certificate"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_applicationId_key" ON "Certificate"("applicationId");

-- CreateIndex
CREATE INDEX "Certificate_studentId_idx" ON "Certificate"("studentId");

-- CreateIndex
CREATE INDEX "Certificate_organizationId_idx" ON "Certificate"("organizationId");

-- AddForeignKey
ALTER TABLE "ServiceApplication" ADD CONSTRAINT "ServiceApplication_kind_fkey" FOREIGN KEY ("kind") REFERENCES "ServiceDefinition"("kind") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceApplication" ADD CONSTRAINT "ServiceApplication_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceApplication" ADD CONSTRAINT "ServiceApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceApplication" ADD CONSTRAINT "ServiceApplication_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceApplicationEvent" ADD CONSTRAINT "ServiceApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ServiceApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceApplicationEvent" ADD CONSTRAINT "ServiceApplicationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ServiceApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The catalogue's reference rows (time limits in calendar days).
INSERT INTO "ServiceDefinition" ("kind", "timeLimitDays", "active", "sortOrder") VALUES
  ('STUDY_CERTIFICATE', 1, true, 1),
  ('FIRST_GRADE', 5, true, 2);
