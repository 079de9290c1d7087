import { getTranslations } from "next-intl/server";
import { CATALOGUE, INDICATORS } from "@/lib/databank/catalogue";
import { Table } from "@/components/ui/table";

/**
 * The indicator catalogue of the data bank in words: what each indicator counts, which form and cells it is
 * read from, how it aggregates over time, whether the small-cell rule applies, and its breakdowns. Generated
 * from `lib/databank/catalogue.ts`, so it is always the one the figures are computed with.
 */
export async function IndicatorCatalogue({ testId }: { testId?: string }) {
  const t = await getTranslations("open-data.definitions");
  const td = await getTranslations("databank");
  const rows = INDICATORS.map((code) => ({ code, spec: CATALOGUE[code] }));
  return (
    <Table
      look="compact"
      caption={t("indicators")}
      testId={testId}
      columns={[t("indicator"), t("source"), t("time"), t("persons"), t("splits")]}
      rows={rows}
    >
      {({ code, spec }) => (
        <tr key={code} className="border-t border-slate-100 align-top" data-indicator={code}>
          <th scope="row" className="p-2 text-left font-normal">
            {td(`indicator.${code}`)} <code className="text-xs text-slate-600">{code}</code>
          </th>
          <td className="p-2">
            {spec.components.map((c, i) => (
              <span key={i} className="block">
                <code className="text-xs">
                  {c.formCode} · {c.fact}
                </code>
                {c.weight < 0 ? ` (${t("subtracted")})` : ""}
              </span>
            ))}
          </td>
          <td className="p-2">{t(`timeKinds.${spec.time}`)}</td>
          <td className="p-2">{spec.persons ? t("smallCells") : "—"}</td>
          <td className="p-2">{spec.splits.length ? spec.splits.map((s) => td(`dimension.${s}`)).join(", ") : "—"}</td>
        </tr>
      )}
    </Table>
  );
}
