-- CreateTable
CREATE TABLE "DatabankSummary" (
    "year" INTEGER NOT NULL,
    "territoryId" TEXT NOT NULL,
    "level" "TerritoryLevel" NOT NULL,
    "indicator" TEXT NOT NULL,
    "grade" INTEGER NOT NULL DEFAULT 0,
    "sex" TEXT NOT NULL DEFAULT '',
    "qualification" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT '',
    "value" DOUBLE PRECISION NOT NULL,
    "organizations" INTEGER NOT NULL,

    CONSTRAINT "DatabankSummary_pkey" PRIMARY KEY ("year","territoryId","indicator","grade","sex","qualification","language")
);

-- CreateTable
CREATE TABLE "DatabankView" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatabankView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DatabankSummary_territoryId_indicator_idx" ON "DatabankSummary"("territoryId", "indicator");

-- CreateIndex
CREATE INDEX "DatabankView_ownerId_idx" ON "DatabankView"("ownerId");

-- CreateIndex
CREATE INDEX "DataValue_formCode_year_indicator_organizationId_idx" ON "DataValue"("formCode", "year", "indicator", "organizationId");

