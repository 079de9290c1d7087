import "server-only";
/**
 * Cached public reads of the data bank. Everything is tagged `databank`; accepting a report (and closing
 * a period) expires the tag after the summary is refreshed, and time-based revalidation bounds staleness
 * on other instances. The cache is shared by everyone: nothing personal goes through it.
 */
import { cached, TAGS } from "../cache";
import { completenessBoard, organizationReport, publicStats, territoryPage } from "./public";
import type { StatsQuery } from "./params";

const options = { tags: [TAGS.databank], revalidate: 3600 };

export const cachedTerritoryPage = cached(
  (code: string | null, year: number | null) => territoryPage(code, year),
  ["databank:territory:2"],
  options,
);

export const cachedOrganizationReport = cached(
  (bin: string, year: number | null) => organizationReport(bin, year),
  ["databank:organization:1"],
  { ...options, revalidate: 600 },
);

export const cachedCompletenessBoard = cached(
  (periodId: string | null, region: string | null) => completenessBoard(periodId, region),
  ["databank:completeness:1"],
  { ...options, revalidate: 300 },
);

export const cachedPublicStats = cached((query: StatsQuery) => publicStats(query), ["databank:stats:1"], options);
