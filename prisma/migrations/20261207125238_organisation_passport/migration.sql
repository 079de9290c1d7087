-- CreateEnum
CREATE TYPE "BuildingCondition" AS ENUM ('NORMAL', 'NEEDS_REPAIR', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "BuildingOwnership" AS ENUM ('STATE', 'RENTED', 'TRUST');

-- CreateEnum
CREATE TYPE "PassportChangeStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED');

-- CreateEnum
CREATE TYPE "InternetType" AS ENUM ('NONE', 'ADSL', 'FIBRE', 'SATELLITE', 'MOBILE');

-- CreateEnum
CREATE TYPE "BudgetSource" AS ENUM ('REPUBLICAN', 'LOCAL', 'PER_CAPITA', 'PAID_SERVICES', 'SPONSORSHIP');

-- CreateEnum
CREATE TYPE "ExpenseLine" AS ENUM ('SALARIES', 'UTILITIES', 'FOOD', 'EQUIPMENT', 'REPAIRS', 'OTHER');

-- CreateTable
CREATE TABLE "PassportBuilding" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "yearBuilt" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "floors" INTEGER NOT NULL,
    "ownership" "BuildingOwnership" NOT NULL,
    "condition" "BuildingCondition" NOT NULL,
    "inspectedOn" DATE,
    "inspectionDoc" TEXT,
    "accessible" BOOLEAN NOT NULL DEFAULT false,
    "gym" BOOLEAN NOT NULL DEFAULT false,
    "assemblyHall" BOOLEAN NOT NULL DEFAULT false,
    "library" BOOLEAN NOT NULL DEFAULT false,
    "canteenSeats" INTEGER NOT NULL DEFAULT 0,
    "scienceRooms" INTEGER NOT NULL DEFAULT 0,
    "computerRooms" INTEGER NOT NULL DEFAULT 0,
    "boardingPlaces" INTEGER NOT NULL DEFAULT 0,
    "status" "PassportChangeStatus" NOT NULL,
    "validFrom" TIMESTAMPTZ(3),
    "validTo" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,

    CONSTRAINT "PassportBuilding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassportProfile" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "enrolment" INTEGER NOT NULL,
    "shifts" INTEGER NOT NULL,
    "shift1Pupils" INTEGER NOT NULL,
    "shift2Pupils" INTEGER NOT NULL DEFAULT 0,
    "shift3Pupils" INTEGER NOT NULL DEFAULT 0,
    "shift1Classes" INTEGER NOT NULL,
    "shift2Classes" INTEGER NOT NULL DEFAULT 0,
    "shift3Classes" INTEGER NOT NULL DEFAULT 0,
    "computers" INTEGER NOT NULL DEFAULT 0,
    "computersAge" INTEGER NOT NULL DEFAULT 0,
    "boards" INTEGER NOT NULL DEFAULT 0,
    "internet" "InternetType" NOT NULL DEFAULT 'NONE',
    "internetMbps" INTEGER NOT NULL DEFAULT 0,
    "wifiClassrooms" BOOLEAN NOT NULL DEFAULT false,
    "buses" INTEGER NOT NULL DEFAULT 0,
    "pupilsCarried" INTEGER NOT NULL DEFAULT 0,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validTo" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PassportProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "source" "BudgetSource" NOT NULL,
    "expense" "ExpenseLine" NOT NULL,
    "quarter" INTEGER NOT NULL,
    "planned" DOUBLE PRECISION NOT NULL,
    "spent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "comment" TEXT,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PassportBuilding_organizationId_number_status_idx" ON "PassportBuilding"("organizationId", "number", "status");

-- CreateIndex
CREATE INDEX "PassportBuilding_status_validTo_organizationId_idx" ON "PassportBuilding"("status", "validTo", "organizationId");

-- CreateIndex
CREATE INDEX "PassportBuilding_createdById_idx" ON "PassportBuilding"("createdById");

-- CreateIndex
CREATE INDEX "PassportBuilding_decidedById_idx" ON "PassportBuilding"("decidedById");

-- CreateIndex
CREATE INDEX "PassportProfile_organizationId_validTo_idx" ON "PassportProfile"("organizationId", "validTo");

-- CreateIndex
CREATE INDEX "PassportProfile_validTo_organizationId_idx" ON "PassportProfile"("validTo", "organizationId");

-- CreateIndex
CREATE INDEX "PassportProfile_createdById_idx" ON "PassportProfile"("createdById");

-- CreateIndex
CREATE INDEX "BudgetLine_year_organizationId_idx" ON "BudgetLine"("year", "organizationId");

-- CreateIndex
CREATE INDEX "BudgetLine_updatedById_idx" ON "BudgetLine"("updatedById");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_organizationId_year_source_expense_quarter_key" ON "BudgetLine"("organizationId", "year", "source", "expense", "quarter");

-- AddForeignKey
ALTER TABLE "PassportBuilding" ADD CONSTRAINT "PassportBuilding_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportBuilding" ADD CONSTRAINT "PassportBuilding_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportBuilding" ADD CONSTRAINT "PassportBuilding_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportProfile" ADD CONSTRAINT "PassportProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportProfile" ADD CONSTRAINT "PassportProfile_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Ranges the schema cannot express (the drift check ignores CHECK constraints)
ALTER TABLE "PassportBuilding" ADD CONSTRAINT "PassportBuilding_capacity_check" CHECK ("capacity" > 0);
ALTER TABLE "PassportBuilding" ADD CONSTRAINT "PassportBuilding_floors_check" CHECK ("floors" > 0);
ALTER TABLE "PassportProfile" ADD CONSTRAINT "PassportProfile_shifts_check" CHECK ("shifts" BETWEEN 1 AND 3);
ALTER TABLE "PassportProfile" ADD CONSTRAINT "PassportProfile_split_check"
  CHECK ("shift1Pupils" + "shift2Pupils" + "shift3Pupils" = "enrolment");
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_quarter_check" CHECK ("quarter" BETWEEN 1 AND 4);
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_amounts_check" CHECK ("planned" >= 0 AND "spent" >= 0);
