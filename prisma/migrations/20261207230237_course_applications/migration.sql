-- CreateEnum
CREATE TYPE "CourseApplicationStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REFUSED', 'COMPLETED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'staff.courseDecision';
ALTER TYPE "NotificationKind" ADD VALUE 'staff.courseCertificate';

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "audienceId" TEXT,
ADD COLUMN     "endsOn" DATE,
ADD COLUMN     "seats" INTEGER,
ADD COLUMN     "startsOn" DATE;

-- CreateTable
CREATE TABLE "CourseApplication" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "CourseApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "reason" TEXT,
    "attended" BOOLEAN,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "completionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CourseApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CourseApplication_completionId_key" ON "CourseApplication"("completionId");

-- CreateIndex
CREATE INDEX "CourseApplication_courseId_status_idx" ON "CourseApplication"("courseId", "status");

-- CreateIndex
CREATE INDEX "CourseApplication_employeeId_status_idx" ON "CourseApplication"("employeeId", "status");

-- CreateIndex
CREATE INDEX "CourseApplication_organizationId_status_idx" ON "CourseApplication"("organizationId", "status");

-- CreateIndex
CREATE INDEX "CourseApplication_decidedById_idx" ON "CourseApplication"("decidedById");

-- CreateIndex
CREATE INDEX "Course_audienceId_idx" ON "Course"("audienceId");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "ClassifierItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseApplication" ADD CONSTRAINT "CourseApplication_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseApplication" ADD CONSTRAINT "CourseApplication_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseApplication" ADD CONSTRAINT "CourseApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseApplication" ADD CONSTRAINT "CourseApplication_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseApplication" ADD CONSTRAINT "CourseApplication_completionId_fkey" FOREIGN KEY ("completionId") REFERENCES "CourseCompletion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Places and dates of a course's run
ALTER TABLE "Course" ADD CONSTRAINT "Course_seats_check" CHECK ("seats" IS NULL OR "seats" > 0);
ALTER TABLE "Course" ADD CONSTRAINT "Course_dates_check" CHECK ("endsOn" IS NULL OR "startsOn" IS NULL OR "endsOn" >= "startsOn");
