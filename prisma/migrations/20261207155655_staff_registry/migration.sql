-- CreateEnum
CREATE TYPE "QualificationCategory" AS ENUM ('no_category', 'moderator', 'expert', 'researcher', 'master');

-- CreateEnum
CREATE TYPE "EmploymentKind" AS ENUM ('MAIN', 'PART_TIME');

-- CreateEnum
CREATE TYPE "AppointmentEndReason" AS ENUM ('TRANSFER', 'RESIGNATION', 'DISMISSAL', 'RETIREMENT', 'CONTRACT_END', 'OTHER');

-- CreateEnum
CREATE TYPE "VacancyStatus" AS ENUM ('OPEN', 'FILLED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Employee" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "institution" TEXT,
    "specialty" TEXT,
    "diplomaYear" INTEGER,
    "higherEducation" BOOLEAN NOT NULL DEFAULT true,
    "category" "QualificationCategory" NOT NULL DEFAULT 'no_category',
    "categoryAwardedOn" DATE,
    "categoryExpiresOn" DATE,
    "categoryDecision" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "kind" "EmploymentKind" NOT NULL,
    "rate" DECIMAL(4,2) NOT NULL,
    "weeklyHours" INTEGER NOT NULL DEFAULT 0,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "endReason" "AppointmentEndReason",
    "previousId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CategoryAward" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "category" "QualificationCategory" NOT NULL,
    "awardedOn" DATE NOT NULL,
    "expiresOn" DATE,
    "decisionNumber" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CategoryAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vacancy" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "subjectId" TEXT,
    "languageId" TEXT,
    "weeklyHours" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "status" "VacancyStatus" NOT NULL DEFAULT 'OPEN',
    "filledById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Vacancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AppointmentSubjects" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_AppointmentSubjects_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Employee_personId_key" ON "Employee"("personId");

-- CreateIndex
CREATE INDEX "Employee_category_categoryExpiresOn_idx" ON "Employee"("category", "categoryExpiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_previousId_key" ON "Appointment"("previousId");

-- CreateIndex
CREATE INDEX "Appointment_organizationId_endDate_idx" ON "Appointment"("organizationId", "endDate");

-- CreateIndex
CREATE INDEX "Appointment_employeeId_startDate_idx" ON "Appointment"("employeeId", "startDate");

-- CreateIndex
CREATE INDEX "Appointment_positionId_idx" ON "Appointment"("positionId");

-- CreateIndex
CREATE INDEX "Appointment_createdById_idx" ON "Appointment"("createdById");

-- CreateIndex
CREATE INDEX "CategoryAward_employeeId_awardedOn_idx" ON "CategoryAward"("employeeId", "awardedOn");

-- CreateIndex
CREATE INDEX "CategoryAward_createdById_idx" ON "CategoryAward"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Vacancy_filledById_key" ON "Vacancy"("filledById");

-- CreateIndex
CREATE INDEX "Vacancy_status_organizationId_idx" ON "Vacancy"("status", "organizationId");

-- CreateIndex
CREATE INDEX "Vacancy_organizationId_status_idx" ON "Vacancy"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Vacancy_positionId_idx" ON "Vacancy"("positionId");

-- CreateIndex
CREATE INDEX "Vacancy_subjectId_idx" ON "Vacancy"("subjectId");

-- CreateIndex
CREATE INDEX "Vacancy_languageId_idx" ON "Vacancy"("languageId");

-- CreateIndex
CREATE INDEX "Vacancy_createdById_idx" ON "Vacancy"("createdById");

-- CreateIndex
CREATE INDEX "_AppointmentSubjects_B_index" ON "_AppointmentSubjects"("B");

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "ClassifierItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryAward" ADD CONSTRAINT "CategoryAward_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryAward" ADD CONSTRAINT "CategoryAward_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "ClassifierItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "ClassifierItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_languageId_fkey" FOREIGN KEY ("languageId") REFERENCES "ClassifierItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_filledById_fkey" FOREIGN KEY ("filledById") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AppointmentSubjects" ADD CONSTRAINT "_AppointmentSubjects_A_fkey" FOREIGN KEY ("A") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AppointmentSubjects" ADD CONSTRAINT "_AppointmentSubjects_B_fkey" FOREIGN KEY ("B") REFERENCES "ClassifierItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Ranges the schema cannot express (lib/staff/rules.ts gives the same limits to the forms).
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_rate_check" CHECK ("rate" >= 0.25 AND "rate" <= 1.5);
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_weeklyHours_check" CHECK ("weeklyHours" >= 0 AND "weeklyHours" <= 36);
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_dates_check" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_weeklyHours_check" CHECK ("weeklyHours" >= 0 AND "weeklyHours" <= 36);
