import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { route, badParameter } from "@/lib/http";
import { toCsv } from "@/lib/csv";
import { downloadHeaders, toXlsx } from "@/lib/csv/xlsx";
import { parseListParams } from "@/lib/data-table/params";
import { localName } from "@/lib/names";
import { exportOrganizations, organizationFilters, organizationSorts } from "@/lib/registry/organizations";
import { attributeChoices, listAttributeDefinitions } from "@/lib/registry/attributes";
import type { AttributeValues } from "@/lib/registry/attribute-schemas";
import { attributeText } from "@/lib/registry/attribute-text";

export const dynamic = "force-dynamic";

/**
 * The organisations' list as CSV or XLSX (`format=xlsx`): the same search, filters (custom attributes
 * included) and order as the list page, a column per custom attribute, titles in `locale`; the viewer's
 * scope limits the rows. In XLSX numbers stay numbers.
 */
export const GET = route({
  permission: "registry.organization.read",
  handler: async ({ scope, url, locale }) => {
    const format = url.searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") throw badParameter("format", format, ["csv", "xlsx"]);
    const defs = await listAttributeDefinitions(undefined, "ORGANIZATION");
    const list = parseListParams(Object.fromEntries(url.searchParams), {
      sortable: organizationSorts(defs),
      defaultSort: "name",
      filters: organizationFilters(defs),
    });
    const t = await getTranslations({ locale, namespace: "organizations" });
    const [rows, choices] = await Promise.all([exportOrganizations(scope, list, locale), attributeChoices(defs)]);
    const typed = format === "xlsx";
    const yesNo = { yes: t("attributes.yes"), no: t("attributes.no") };
    const header = [
      t("name"),
      t("bin"),
      t("kind"),
      t("territory"),
      t("status"),
      ...defs.map((d) => localName(d, locale)),
    ];
    const lines = rows.map((o) => {
      const values = (o.attributes ?? {}) as AttributeValues;
      return [
        localName(o, locale),
        o.bin,
        localName(o.kind, locale),
        localName(o.territory, locale),
        t(`statuses.${o.status}`),
        ...defs.map((d) =>
          typed && d.type === "NUMBER" && typeof values[d.code] === "number"
            ? (values[d.code] as number)
            : attributeText(d, values[d.code], choices, locale, yesNo),
        ),
      ];
    });
    const filename = t("export.filename");
    if (typed)
      return new NextResponse(new Uint8Array(await toXlsx([header, ...lines], { sheet: filename })), {
        headers: { ...downloadHeaders("xlsx", filename), "cache-control": "private, no-store" },
      });
    return new NextResponse(toCsv([header, ...lines]), {
      headers: { ...downloadHeaders("csv", filename), "cache-control": "private, no-store" },
    });
  },
});
