import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { parsePage, pageCount } from "@/lib/data-table/params";
import { listTerritories, territoryList, territoryTable } from "@/lib/passport/passport";
import { listQueryOf, type ListQuery } from "@/lib/passport/schemas";
import { budgetYears, LISTS } from "@/lib/passport/rules";
import { formatNumber } from "@/lib/format";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { FilterBar } from "@/components/admin/filter-bar";
import { ConditionBadge } from "@/components/passport/tabs";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

function queryOf(query: ListQuery): Record<string, string> {
  const out: Record<string, string> = { list: query.list };
  if (query.territory) out.territory = query.territory;
  if (query.year) out.year = String(query.year);
  if (query.q) out.q = query.q;
  return out;
}

/** The authorities' lists of schools in their territory, a table by district, CSV and XLSX export. */
export default async function PassportListsPage({ params, searchParams }: PageProps<"/[locale]/admin/passport/lists">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("passport.read");
  const t = await getTranslations("passport");
  const tc = await getTranslations("common");
  const raw = await searchParams;
  const query = listQueryOf(raw);
  const page = parsePage(raw);
  const [list, table, territories] = await Promise.all([
    territoryList(viewer, query, { page, pageSize: PAGE_SIZE }),
    territoryTable(viewer, query),
    listTerritories(viewer),
  ]);
  const num = (v: number | null) => (v === null ? "—" : formatNumber(v, locale));
  const exportHref = `/api/v1/passport/export?${new URLSearchParams({ ...queryOf(query), locale }).toString()}`;
  const linkClass =
    "rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100";
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("lists.title")}
        description={t("lists.description")}
        actions={
          <>
            <a href={exportHref} className={linkClass} data-testid="export-csv" download>
              {t("lists.export")}
            </a>
            <a href={`${exportHref}&format=xlsx`} className={linkClass} data-testid="export-xlsx" download>
              {tc("actions.exportXlsx")}
            </a>
          </>
        }
      />
      <nav className="flex flex-wrap gap-1 border-b border-slate-200" aria-label={t("lists.title")}>
        {LISTS.map((l) => (
          <Link
            key={l}
            href={{ pathname: "/admin/passport/lists", query: { ...queryOf(query), list: l } }}
            aria-current={query.list === l ? "page" : undefined}
            data-testid={`list-${l}`}
            className={`rounded-t px-3 py-2 text-sm no-underline ${query.list === l ? "border border-b-white border-slate-200 bg-white font-semibold" : "text-slate-600 hover:text-slate-900"}`}
          >
            {t(`lists.tabs.${l}`)}
          </Link>
        ))}
      </nav>
      <FilterBar
        q={query.q}
        searchLabel={t("lists.search")}
        keep={{ list: query.list }}
        selects={[
          {
            name: "territory",
            label: t("lists.territory"),
            value: query.territory ?? "",
            options: territories.map((x) => ({ value: x.code, label: localName(x, locale) })),
          },
          {
            name: "year",
            label: t("fields.year"),
            value: query.year ? String(query.year) : "",
            options: budgetYears().map((y) => ({ value: String(y), label: String(y) })),
          },
        ]}
      />
      <p className="text-sm text-slate-600">{tc("pagination.total", { total: list.total })}</p>
      {list.rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("lists.empty")}</p>
      ) : (
        <div
          className="overflow-x-auto rounded-lg bg-white shadow-sm"
          role="region"
          aria-label={t(`lists.tabs.${query.list}`)}
          tabIndex={0}
        >
          <table className="w-full text-sm" data-testid="passport-list">
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th className="p-2">{t("columns.organization")}</th>
                <th className="p-2">{t("columns.territory")}</th>
                <th className="p-2 text-right">{t("columns.capacity")}</th>
                <th className="p-2 text-right">{t("columns.enrolment")}</th>
                <th className="p-2 text-right">{t("columns.overcrowding")}</th>
                <th className="p-2 text-right">{t("columns.shifts")}</th>
                <th className="p-2">{t("columns.condition")}</th>
                <th className="p-2">{t("columns.gym")}</th>
                <th className="p-2">{t("columns.internet")}</th>
                <th className="p-2 text-right">{t("columns.perPupil")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100" data-bin={r.bin}>
                  <td className="p-2">
                    <Link href={`/statistics/organizations/${r.bin}`}>{localName(r, locale)}</Link>
                  </td>
                  <td className="p-2">{localName(r.territory, locale)}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.capacity)}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.enrolment)}</td>
                  <td className="p-2 text-right tabular-nums" data-testid="overcrowding">
                    {num(r.overcrowding)}
                  </td>
                  <td className="p-2 text-right tabular-nums">{num(r.shifts)}</td>
                  <td className="p-2">
                    {r.condition && <ConditionBadge condition={r.condition} label={t(`condition.${r.condition}`)} />}
                  </td>
                  <td className="p-2">{r.gym === null ? "—" : t(r.gym ? "yes" : "no")}</td>
                  <td className="p-2">{r.internet ? t(`internet.${r.internet as "NONE"}`) : "—"}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.perPupil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        path="/admin/passport/lists"
        query={queryOf(query)}
        page={page}
        pages={pageCount(list.total, PAGE_SIZE)}
        labels={await pagerLabels()}
      />
      <section aria-labelledby="by-territory" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="by-territory" className="mb-2 text-lg font-semibold">
          {t("lists.byTerritory")}
        </h2>
        <div className="overflow-x-auto" role="region" aria-labelledby="by-territory" tabIndex={0}>
          <table className="w-full text-sm" data-testid="by-territory">
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th className="p-2">{t("columns.territory")}</th>
                <th className="p-2 text-right">{t("lists.schools")}</th>
                {LISTS.filter((l) => l !== "spending").map((l) => (
                  <th key={l} className="p-2 text-right">
                    {t(`lists.tabs.${l}`)}
                  </th>
                ))}
                <th className="p-2 text-right">{t("columns.perPupil")}</th>
              </tr>
            </thead>
            <tbody>
              {table.map((r) => (
                <tr key={r.code} className="border-b border-slate-100">
                  <td className="p-2">
                    <Link href={{ pathname: "/admin/passport/lists", query: { ...queryOf(query), territory: r.code } }}>
                      {localName(r, locale)}
                    </Link>
                  </td>
                  <td className="p-2 text-right tabular-nums">{num(r.schools)}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.overcrowded)}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.threeShift)}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.emergency)}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.noInternet)}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.noGym)}</td>
                  <td className="p-2 text-right tabular-nums">{num(r.perPupil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
