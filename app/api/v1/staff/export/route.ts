import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { route, badParameter } from "@/lib/http";
import { toCsv } from "@/lib/csv";
import { downloadHeaders, toXlsx } from "@/lib/csv/xlsx";
import { parseListParams } from "@/lib/data-table/params";
import { localName } from "@/lib/names";
import { exportStaff, STAFF_FILTERS, STAFF_SORTS } from "@/lib/staff/staff";

export const dynamic = "force-dynamic";

/**
 * The staff list as CSV or XLSX (`format=xlsx`): the same search, filters and order as the list page, column
 * titles in `locale`; the viewer's scope limits the rows. The IIN is not exported.
 */
export const GET = route({
  permission: "staff.read",
  handler: async ({ scope, url, locale }) => {
    const format = url.searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") throw badParameter("format", format, ["csv", "xlsx"]);
    const list = parseListParams(Object.fromEntries(url.searchParams), {
      sortable: STAFF_SORTS,
      defaultSort: "name",
      filters: STAFF_FILTERS,
    });
    const t = await getTranslations({ locale, namespace: "staff" });
    const rows = await exportStaff(scope, list);
    const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
    const typed = format === "xlsx";
    const header = [
      t("columns.name"),
      t("columns.organization"),
      t("columns.position"),
      t("columns.kind"),
      t("columns.rate"),
      t("columns.hours"),
      t("columns.subjects"),
      t("columns.startDate"),
      t("columns.endDate"),
      t("columns.category"),
      t("columns.expiry"),
    ];
    const lines = rows.map((r) => [
      [r.employee.person.lastName, r.employee.person.firstName, r.employee.person.middleName].filter(Boolean).join(" "),
      localName(r.organization, locale),
      localName(r.position, locale),
      t(`kinds.${r.kind}`),
      typed ? Number(r.rate) : String(Number(r.rate)),
      typed ? r.weeklyHours : String(r.weeklyHours),
      r.subjects.map((s) => localName(s, locale)).join(", "),
      day(r.startDate),
      day(r.endDate),
      t(`categories.${r.employee.category}`),
      day(r.employee.categoryExpiresOn),
    ]);
    if (typed)
      return new NextResponse(new Uint8Array(await toXlsx([header, ...lines], { sheet: t("export.filename") })), {
        headers: { ...downloadHeaders("xlsx", t("export.filename")), "cache-control": "private, no-store" },
      });
    return new NextResponse(toCsv([header, ...lines]), {
      headers: { ...downloadHeaders("csv", t("export.filename")), "cache-control": "private, no-store" },
    });
  },
});
