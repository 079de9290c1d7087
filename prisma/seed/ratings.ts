/**
 * Open ratings for the demo: a national rating of regions (method version 1 for 2022–2023, version 2 with
 * reporting timeliness for 2024–2025), the districts of Akmola region and the schools of Kokshetau for
 * 2024–2025, each published through the runner from the data bank's accepted values. Not in the tiny seed.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Level, MethodIndicator } from "../../lib/ratings/catalogue";
import { loadInputs, methodOf, runRating, storeRating } from "../../lib/ratings/runner";
import { districtCode } from "./territories";

const at = (s: string) => new Date(`${s}T05:00:00Z`);

interface SeedVersion {
  aggregation: "arithmetic" | "geometric";
  indicators: MethodIndicator[];
  approvalOrder: string;
  approvedOn: string;
  years: number[];
}

interface SeedMethod {
  id: string;
  code: string;
  level: Level;
  territoryCode: string;
  names: [string, string, string];
  versions: SeedVersion[];
}

const V1: MethodIndicator[] = [
  { code: "pupilsPerTeacher", direction: "lower", normalisation: "minmax", missing: "exclude-entity", weight: 30 },
  { code: "higherEducationShare", direction: "higher", normalisation: "minmax", missing: "exclude-entity", weight: 25 },
  { code: "highestCategoryShare", direction: "higher", normalisation: "zscore", missing: "exclude-entity", weight: 25 },
  { code: "vacancyRate", direction: "lower", normalisation: "rank", missing: "mean", weight: 20 },
];
const V2: MethodIndicator[] = [
  { code: "pupilsPerTeacher", direction: "lower", normalisation: "minmax", missing: "exclude-entity", weight: 25 },
  { code: "higherEducationShare", direction: "higher", normalisation: "minmax", missing: "exclude-entity", weight: 20 },
  { code: "highestCategoryShare", direction: "higher", normalisation: "zscore", missing: "exclude-entity", weight: 20 },
  { code: "vacancyRate", direction: "lower", normalisation: "rank", missing: "mean", weight: 15 },
  { code: "reportingTimeliness", direction: "higher", normalisation: "minmax", missing: "zero", weight: 20 },
];

export const SEED_RATINGS: SeedMethod[] = [
  {
    id: "rm_regions",
    code: "regions",
    level: "REGION",
    territoryCode: "000000000",
    names: ["Өңірлердің білім беру рейтингі", "Рейтинг регионов в сфере образования", "Education rating of regions"],
    versions: [
      {
        aggregation: "arithmetic",
        indicators: V1,
        approvalOrder: "№ 112",
        approvedOn: "2022-11-30",
        years: [2022, 2023],
      },
      {
        aggregation: "arithmetic",
        indicators: V2,
        approvalOrder: "№ 245",
        approvedOn: "2024-12-02",
        years: [2024, 2025],
      },
    ],
  },
  {
    id: "rm_akmola_districts",
    code: "akmola-districts",
    level: "DISTRICT",
    territoryCode: "110000000",
    names: [
      "Ақмола облысы аудандарының рейтингі",
      "Рейтинг районов Акмолинской области",
      "Rating of the districts of Akmola Region",
    ],
    versions: [
      {
        aggregation: "arithmetic",
        indicators: V2,
        approvalOrder: "№ 37",
        approvedOn: "2024-12-10",
        years: [2024, 2025],
      },
    ],
  },
  {
    id: "rm_kokshetau_schools",
    code: "kokshetau-schools",
    level: "SCHOOL",
    territoryCode: districtCode("110000000", 0),
    names: [
      "Көкшетау қаласы мектептерінің рейтингі",
      "Рейтинг школ города Кокшетау",
      "Rating of the schools of Kokshetau",
    ],
    versions: [
      {
        aggregation: "geometric",
        indicators: [
          {
            code: "pupilsPerTeacher",
            direction: "lower",
            normalisation: "rank",
            missing: "exclude-entity",
            weight: 40,
          },
          {
            code: "higherEducationShare",
            direction: "higher",
            normalisation: "rank",
            missing: "exclude-entity",
            weight: 30,
          },
          {
            code: "highestCategoryShare",
            direction: "higher",
            normalisation: "rank",
            missing: "exclude-entity",
            weight: 30,
          },
        ],
        approvalOrder: "№ 9",
        approvedOn: "2024-12-16",
        years: [2024, 2025],
      },
    ],
  },
];

export async function seedRatings(prisma: PrismaClient, log: (line: string) => void = () => {}): Promise<void> {
  let published = 0;
  for (const m of SEED_RATINGS) {
    const territory = await prisma.territory.findUnique({
      where: { code: m.territoryCode },
      select: { id: true, path: true },
    });
    if (!territory) continue;
    await prisma.ratingMethod.create({
      data: {
        id: m.id,
        code: m.code,
        level: m.level,
        territoryId: territory.id,
        nameKk: m.names[0],
        nameRu: m.names[1],
        nameEn: m.names[2],
        createdById: "u_ministry",
      },
    });
    for (const [index, v] of m.versions.entries()) {
      const versionId = `${m.id}_v${index + 1}`;
      await prisma.ratingMethodVersion.create({
        data: {
          id: versionId,
          methodId: m.id,
          number: index + 1,
          status: "PUBLISHED",
          aggregation: v.aggregation,
          indicators: v.indicators as never,
          approvalOrder: v.approvalOrder,
          approvedOn: new Date(`${v.approvedOn}T00:00:00Z`),
          publishedAt: at(v.approvedOn),
        },
      });
      for (const year of v.years) {
        const inputs = await loadInputs(prisma, {
          level: m.level,
          path: territory.path,
          year,
          codes: v.indicators.map((i) => i.code),
        });
        const entries = runRating(methodOf(v.aggregation, v.indicators), inputs.rows);
        await storeRating(
          prisma,
          {
            methodId: m.id,
            versionId,
            year,
            publishedById: m.level === "REGION" ? "u_ministry" : "u_region",
            publishedAt: at(`${year + 1}-01-20`),
          },
          inputs.entities,
          entries,
        );
        published++;
      }
    }
  }
  log(`ratings: ${published} published`);
}
