import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { NextResponse } from "next/server";
import { z } from "zod";
import { route, translator } from "@/lib/http";
import { prepareDryRun } from "@/lib/import/runs";
import { reportCsvHead, reportCsvLines } from "@/lib/import/dry-run";
import { mappedSource } from "@/lib/import/schemas";
import { downloadHeaders } from "@/lib/csv/xlsx";

export const dynamic = "force-dynamic";

/** Rows shown in the wizard; the CSV report has every row. */
const SHOWN = 500;

/**
 * The dry run of a stored source with a mapping: nothing is written. JSON (counts and the first rows'
 * outcomes) or, with `format: "csv"`, the whole report with a reason column in the request's language,
 * written a batch at a time as the rows are classified (a large source is never held in memory).
 */
export const POST = route({
  permission: "import.use",
  sameOrigin: true,
  body: mappedSource.extend({ format: z.enum(["json", "csv"]).default("json") }),
  handler: async ({ viewer, body, locale }) => {
    // scope, source and mapping are checked here: a refusal is still a JSON error, not a broken download
    const classify = await prepareDryRun(viewer, body);
    const t = translator(locale);
    if (body.format === "csv") {
      const tr = (key: string, params?: Record<string, string | number>) =>
        key.startsWith("reasons.")
          ? t(`errors.${key.slice(8)}`, params ?? {})
          : t(`import.report.${key}`, params ?? {});
      const out = new PassThrough();
      out.write(reportCsvHead(tr));
      void classify(
        async (batch) => {
          if (out.destroyed) throw new Error("the download was cancelled");
          // the person's download sets the pace: the next batch waits until this one has gone out
          if (!out.write(reportCsvLines(batch, tr))) await Promise.race([once(out, "drain"), once(out, "close")]);
        },
        { limit: 0 },
      ).then(
        () => out.end(),
        (error: unknown) => out.destroy(error as Error),
      );
      return new Response(Readable.toWeb(out) as ReadableStream, { headers: downloadHeaders("csv", "import-dry-run") });
    }
    const report = await classify(undefined, { limit: SHOWN, unchanged: false });
    const shown = report.results.map((r) => ({
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
