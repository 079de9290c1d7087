import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { isLocale, routing } from "@/i18n/routing";
import { translatorFor } from "@/lib/databank/api";
import { DatabankParamError, parsePivotParams } from "@/lib/databank/params";
import { buildPivot, pivotCsv, pivotGrid, pivotXlsx } from "@/lib/databank/pivot";

export const dynamic = "force-dynamic";

/**
 * Export of a pivot (`format=csv|xlsx`, the pivot page's parameters, labels in `locale`) within the
 * caller's scope; a session with `databank.pivot` is required. Bad parameters: 400 in the shared shape.
 */
export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const requested = url.searchParams.get("locale");
    const locale = isLocale(requested) ? requested : routing.defaultLocale;
    const format = url.searchParams.get("format") ?? "csv";
    const { scope } = await authorize("databank.pivot");
    const params = new URLSearchParams(url.searchParams);
    params.delete("format");
    params.delete("locale");
    const t = translatorFor(locale, "databank");
    let parsed;
    try {
      if (format !== "csv" && format !== "xlsx")
        throw new DatabankParamError("badFormat", { value: format, allowed: "csv, xlsx" });
      parsed = parsePivotParams(params);
      const table = await buildPivot(scope, parsed, locale);
      const grid = pivotGrid(table, { total: t("pivot.total"), dimension: (d) => t(`dimension.${d}`) });
      const headers = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };
      if (format === "csv") {
        return new NextResponse(pivotCsv(grid), {
          headers: {
            ...headers,
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": 'attachment; filename="pivot.csv"',
          },
        });
      }
      const title = `${parsed.query.indicators.map((i) => t(`indicator.${i}`)).join(", ")} — ${t(`measure.${parsed.query.measure}`)} · ${table.years.join(", ")}`;
      return new NextResponse(new Uint8Array(await pivotXlsx(grid, title)), {
        headers: {
          ...headers,
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": 'attachment; filename="pivot.xlsx"',
        },
      });
    } catch (error) {
      if (!(error instanceof DatabankParamError)) throw error;
      const te = translatorFor(locale, "databank.errors");
      return NextResponse.json(
        { error: { code: "badRequest", message: te(error.reason, error.params) } },
        { status: 400, headers: { "cache-control": "no-store" } },
      );
    }
  } catch (error) {
    return errorResponse(error, request);
  }
}
