import "server-only";
/**
 * Cached public reads of the data bank. Everything is tagged DATABANK_TAG; accepting a report (and closing
 * a period) expires the tag after the summary is refreshed, and time-based revalidation bounds staleness
 * on other instances. The cache is shared by everyone: nothing personal goes through it.
 */
import { unstable_cache } from "next/cache";
import { DATABANK_TAG, completenessBoard, organizationReport, publicStats, territoryPage } from "./public";
import type { StatsQuery } from "./params";

const options = { tags: [DATABANK_TAG], revalidate: 3600 };

export const cachedTerritoryPage = unstable_cache(
  (code: string | null, year: number | null) => territoryPage(code, year),
  ["databank:territory:1"],
  options,
);

export const cachedOrganizationReport = unstable_cache(
  (bin: string, year: number | null) => organizationReport(bin, year),
  ["databank:organization:1"],
  { ...options, revalidate: 600 },
);

export const cachedCompletenessBoard = unstable_cache(
  (periodId: string | null, region: string | null) => completenessBoard(periodId, region),
  ["databank:completeness:1"],
  { ...options, revalidate: 300 },
);

export const cachedPublicStats = unstable_cache(
  (query: StatsQuery) => publicStats(query),
  ["databank:stats:1"],
  options,
);
