import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { route, badParameter } from "@/lib/http";
import { toCsv } from "@/lib/csv";
import { downloadHeaders, toXlsx } from "@/lib/csv/xlsx";
import { localName } from "@/lib/names";
import { territoryList } from "@/lib/passport/passport";
import { listQueryOf } from "@/lib/passport/schemas";
import { runtimeKeys } from "@/i18n/keys";

export const dynamic = "force-dynamic";

/**
 * One of the passport's territory lists (`list`, `territory`, `year`, `q` as on the page) as CSV or XLSX
 * (`format=xlsx`), column titles in `locale`; the viewer's scope limits the rows.
 */
export const GET = route({
  permission: "passport.read",
  handler: async ({ viewer, url, locale }) => {
    const format = url.searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") throw badParameter("format", format, ["csv", "xlsx"]);
    const query = listQueryOf(Object.fromEntries(url.searchParams));
    const t = await getTranslations({ locale, namespace: "passport" });
    const { rows } = await territoryList(viewer, query, null);
    const typed = format === "xlsx";
    const tr = runtimeKeys(t);
    const header = [
      t("columns.bin"),
      t("columns.organization"),
      t("columns.territory"),
      t("columns.capacity"),
      t("columns.enrolment"),
      t("columns.overcrowding"),
      t("columns.shifts"),
      t("columns.condition"),
      t("columns.gym"),
      t("columns.internet"),
      t("columns.spent"),
      t("columns.perPupil"),
    ];
    const num = (v: number | null) => (v === null ? "" : typed ? v : String(v));
    const lines = rows.map((r) => [
      r.bin,
      localName(r, locale),
      localName(r.territory, locale),
      num(r.capacity),
      num(r.enrolment),
      num(r.overcrowding),
      num(r.shifts),
      r.condition ? tr(`condition.${r.condition}`) : "",
      r.gym === null ? "" : tr(r.gym ? "yes" : "no"),
      r.internet ? tr(`internet.${r.internet}`) : "",
      num(r.spent),
      num(r.perPupil),
    ]);
    const name = `${t("export.filename")}-${query.list}`;
    if (typed)
      return new NextResponse(new Uint8Array(await toXlsx([header, ...lines], { sheet: t("export.filename") })), {
        headers: { ...downloadHeaders("xlsx", name), "cache-control": "private, no-store" },
      });
    return new NextResponse(toCsv([header, ...lines]), {
      headers: { ...downloadHeaders("csv", name), "cache-control": "private, no-store" },
    });
  },
});
