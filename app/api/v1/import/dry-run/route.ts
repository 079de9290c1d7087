import { NextResponse } from "next/server";
import { z } from "zod";
import { route, translator } from "@/lib/http";
import { dryRunSource } from "@/lib/import/runs";
import { reportCsv } from "@/lib/import/dry-run";
import { mappedSource } from "@/lib/import/schemas";
import { downloadHeaders } from "@/lib/csv/xlsx";

export const dynamic = "force-dynamic";

/** Rows shown in the wizard; the CSV report has every row. */
const SHOWN = 500;

/**
 * The dry run of a stored source with a mapping: nothing is written. JSON (counts and the first rows'
 * outcomes) or, with `format: "csv"`, the whole report with a reason column in the request's language.
 */
export const POST = route({
  permission: "import.use",
  sameOrigin: true,
  body: mappedSource.extend({ format: z.enum(["json", "csv"]).default("json") }),
  handler: async ({ viewer, body, locale }) => {
    const report = await dryRunSource(viewer, body);
    if (body.format === "csv") {
      const t = translator(locale);
      const csv = reportCsv(report.results, (key, params) =>
        key.startsWith("reasons.")
          ? t(`errors.${key.slice(8)}`, params ?? {})
          : t(`import.report.${key}`, params ?? {}),
      );
      return new Response(csv, { headers: downloadHeaders("csv", "import-dry-run") });
    }
    const t = translator(locale);
    const shown = report.results
      .filter((r) => r.outcome !== "unchanged")
      .slice(0, SHOWN)
      .map((r) => ({
        line: r.line,
        key: r.key,
        outcome: r.outcome,
        changes: r.changes,
        field: r.field,
        reason: r.reason ? t(`errors.${r.reason}`, r.params ?? {}) : undefined,
      }));
    return NextResponse.json({ counts: report.counts, results: shown }, { headers: { "cache-control": "no-store" } });
  },
});
