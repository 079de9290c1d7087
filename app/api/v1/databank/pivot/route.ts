import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { route, translator } from "@/lib/http";
import { DatabankParamError, parsePivotParams } from "@/lib/databank/params";
import { buildPivot, pivotCsv, pivotGrid, pivotXlsx } from "@/lib/databank/pivot";

export const dynamic = "force-dynamic";

/** A refused pivot parameter as a 400 in the shared shape, with the data bank's message naming it. */
function refused(error: unknown): never {
  if (error instanceof DatabankParamError)
    throw new AppError("badRequest", {}, error.params, { message: `databank.errors.${error.reason}` });
  throw error;
}

/**
 * Export of a pivot (`format=csv|xlsx`, the pivot page's parameters, labels in `locale`) within the
 * caller's scope; a session with `databank.pivot` is required. Bad parameters: 400 in the shared shape.
 */
export const GET = route({
  permission: "databank.pivot",
  handler: async ({ scope, url, locale }) => {
    const format = url.searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx")
      refused(new DatabankParamError("badFormat", { value: format, allowed: "csv, xlsx" }));
    const params = new URLSearchParams(url.searchParams);
    params.delete("format");
    params.delete("locale");
    const t = (key: string) => translator(locale)(`databank.${key}`);
    let parsed;
    let table;
    try {
      parsed = parsePivotParams(params);
      table = await buildPivot(scope, parsed, locale);
    } catch (error) {
      refused(error);
    }
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
  },
});
