import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { parseListParams } from "@/lib/data-table/params";
import { localName } from "@/lib/names";
import { formatDate, formatDateTime } from "@/lib/time";
import { territoryOptions } from "@/lib/registry/territory-options";
import {
  BOARD_FILTERS,
  BOARD_SORTS,
  BOARD_STATES,
  boardList,
  boardSummary,
  reviewPeriods,
  type BoardCounts,
} from "@/lib/reporting/review";
import { DataTable } from "@/components/data-table/data-table-client";
import { tableLabels } from "@/components/data-table/table-labels";
import { FilterBar } from "@/components/admin/filter-bar";
import { PageHeader } from "@/components/admin/page-header";
import { BoardChart } from "@/components/reporting-review/board-chart";
import { localText, periodLabel } from "@/components/reporting-review/labels";
import type { KeysOf, Messages } from "@/i18n/keys";
import { runtimeKeys } from "@/i18n/keys";
import { linkButtonClass } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

const CARDS: {
  key: keyof BoardCounts & KeysOf<Messages["reporting-review"]["counts"]>;
  state: (typeof BOARD_STATES)[number] | null;
  tone: string;
}[] = [
  { key: "obliged", state: null, tone: "text-slate-900" },
  { key: "handedOver", state: "handedOver", tone: "text-sky-800" },
  { key: "missing", state: "missing", tone: "text-slate-700" },
  { key: "overdue", state: "overdue", tone: "text-red-700" },
  { key: "late", state: "late", tone: "text-red-700" },
  { key: "returned", state: "returned", tone: "text-amber-800" },
  { key: "approvedDistrict", state: "approved", tone: "text-indigo-800" },
  { key: "approvedRegion", state: "approved", tone: "text-violet-800" },
  { key: "accepted", state: "accepted", tone: "text-green-800" },
  { key: "awaiting", state: "awaiting", tone: "text-brand-700" },
];

/** The completeness board of one form's period for the viewer's territory (R2). */
export default async function BoardPage({ params, searchParams }: PageProps<"/[locale]/admin/reporting/board">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("reporting.review");
  const t = await getTranslations("reporting-review");
  const periods = await reviewPeriods();
  const list = parseListParams(await searchParams, {
    sortable: BOARD_SORTS,
    defaultSort: "name",
    filters: BOARD_FILTERS,
  });
  const now = new Date();
  const period =
    periods.find((p) => p.id === list.filters.period) ?? periods.find((p) => p.deadlineAt <= now) ?? periods[0];
  if (!period) {
    return (
      <div>
        <PageHeader title={t("board.title")} description={t("board.description")} />
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("board.noPeriods")}</p>
      </div>
    );
  }
  list.filters.period = period.id;
  const [summary, page, territories] = await Promise.all([
    boardSummary(viewer, scope, period.id, list.filters.territory, now),
    boardList(viewer, scope, list, locale, now),
    territoryOptions(scope, locale),
  ]);
  const c = summary.counts;
  const hrefFor = (state: string | null) => ({
    pathname: "/admin/reporting/board",
    query: {
      period: period.id,
      ...(state ? { state } : {}),
      ...(list.filters.territory ? { territory: list.filters.territory } : {}),
    },
  });
  const pct = (n: number) => (c.obliged ? Math.round((n / c.obliged) * 100) : 0);
  const overdue = now.getTime() > period.deadlineAt.getTime();
  return (
    <div>
      <PageHeader
        title={t("board.title")}
        description={t("board.description")}
        actions={
          <Link href={`/admin/reporting/reports/${period.id}`} className={linkButtonClass({ variant: "secondary" })}>
            {t("board.toReport")}
          </Link>
        }
      />
      <FilterBar
        q={list.q}
        searchLabel={t("board.search")}
        keep={{ sort: list.sort, dir: list.dir }}
        selects={[
          {
            name: "period",
            label: t("board.period"),
            value: period.id,
            options: periods.map((p) => ({ value: p.id, label: periodLabel(p, locale) })),
          },
          {
            name: "state",
            label: t("board.state"),
            value: list.filters.state ?? "",
            options: BOARD_STATES.map((s) => ({ value: s, label: t(`states.${s}`) })),
          },
          { name: "territory", label: t("board.territory"), value: list.filters.territory ?? "", options: territories },
        ]}
      />
      <p className="mb-3 text-sm text-slate-700" data-testid="board-deadline">
        {t("board.deadline", {
          date: formatDate(period.dueDate, locale),
          deadline: formatDateTime(period.deadlineAt, locale),
        })}
        {overdue && <span className="ml-2 font-medium text-red-700">{t("board.deadlinePassed")}</span>}
        {period.closedAt && (
          <span className="ml-2 font-medium text-slate-600">
            {t("board.closed", { date: formatDate(period.closedAt, locale) })}
          </span>
        )}
      </p>
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="board-counts">
        {CARDS.map((card) => (
          <div key={card.key} className="rounded-lg bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-600">{t(`counts.${card.key}`)}</dt>
            <dd className={`text-2xl font-bold tabular-nums ${card.tone}`} data-testid={`count-${card.key}`}>
              {card.state ? (
                <Link href={hrefFor(card.state)} className="underline decoration-2 underline-offset-4">
                  {formatNumber(c[card.key], locale)}
                </Link>
              ) : (
                formatNumber(c[card.key], locale)
              )}
              {card.key !== "obliged" && card.key !== "awaiting" && (
                <span className="ml-1 text-xs font-normal text-slate-500">{pct(c[card.key])} %</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {summary.byTerritory.length > 1 && (
        <section className="mb-6 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">
            {t(summary.groupLevel === "REGION" ? "board.byRegion" : "board.byDistrict")}
          </h2>
          <BoardChart
            rows={summary.byTerritory.map((g) => ({
              name: localText(g.name, locale),
              accepted: g.counts.accepted,
              inReview: g.counts.submitted + g.counts.approvedDistrict + g.counts.approvedRegion,
              returned: g.counts.returned,
              missing: g.counts.missing,
            }))}
            labels={{
              accepted: t("counts.accepted"),
              inReview: t("counts.inReview"),
              returned: t("counts.returned"),
              missing: t("counts.missing"),
            }}
          />
          <div
            className="relative overflow-x-auto"
            role="region"
            aria-label={t(summary.groupLevel === "REGION" ? "board.byRegion" : "board.byDistrict")}
            tabIndex={0}
          >
            <table className="mt-3 w-full text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-2 py-1">
                    {t(summary.groupLevel === "REGION" ? "board.region" : "board.district")}
                  </th>
                  {(["obliged", "handedOver", "missing", "late", "returned", "accepted"] as const).map((k) => (
                    <th key={k} scope="col" className="px-2 py-1 text-right">
                      {t(`counts.${k}`)}
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-1 text-right">
                    {t("board.completeness")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.byTerritory.map((g) => (
                  <tr key={g.id} className="border-t border-slate-100">
                    <th scope="row" className="px-2 py-1 text-left font-normal">
                      <Link
                        href={{ pathname: "/admin/reporting/board", query: { period: period.id, territory: g.id } }}
                      >
                        {localText(g.name, locale)}
                      </Link>
                    </th>
                    {(["obliged", "handedOver", "missing", "late", "returned", "accepted"] as const).map((k) => (
                      <td key={k} className="px-2 py-1 text-right tabular-nums">
                        {g.counts[k]}
                      </td>
                    ))}
                    <td className="px-2 py-1 text-right tabular-nums">
                      {g.counts.obliged ? Math.round((g.counts.handedOver / g.counts.obliged) * 100) : 0} %
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <h2 className="mb-2 font-semibold">
        {list.filters.state ? runtimeKeys(t)(`states.${list.filters.state}`) : t("board.listTitle")}
      </h2>
      <DataTable
        caption={t("board.listTitle")}
        columns={[
          { id: "name", header: t("board.organization"), sortable: true, kind: "link", hrefKey: "href" },
          { id: "bin", header: t("board.bin"), sortable: true, kind: "mono" },
          { id: "territory", header: t("board.territory"), sortable: true },
          { id: "status", header: t("board.status"), kind: "badge" },
          { id: "flags", header: t("board.flags") },
          { id: "submittedAt", header: t("board.submittedAt") },
        ]}
        rows={page.rows.map(({ organization: o, submission: s }) => ({
          id: o.id,
          name: localName(o, locale),
          href: s ? `/admin/reporting/submissions/${s.id}` : null,
          bin: o.bin,
          territory: localName(o.territory, locale),
          status: s ? t(`status.${s.status}`) : overdue ? t("status.OVERDUE") : t("status.NONE"),
          flags:
            [
              s?.late ? t("flags.late") : "",
              s?.corrected ? t("flags.corrected", { revision: s.revision }) : "",
              s?.status === "RETURNED" && s.returnReason ? t("flags.returned", { reason: s.returnReason }) : "",
            ]
              .filter(Boolean)
              .join(" · ") || null,
          submittedAt: s?.submittedAt ? formatDateTime(s.submittedAt, locale) : null,
        }))}
        total={page.total}
        page={page.page}
        pageSize={page.pageSize}
        sort={list.sort}
        dir={list.dir}
        labels={await tableLabels(t("board.empty"))}
      />
    </div>
  );
}
