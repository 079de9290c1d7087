import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { parseListParams } from "@/lib/data-table/params";
import { localName } from "@/lib/names";
import { listStaff, STAFF_FILTERS, STAFF_SORTS, staffOptions } from "@/lib/staff/staff";
import { QUALIFICATION_CATEGORIES } from "@/lib/staff/rules";
import { DataTable } from "@/components/data-table/data-table-client";
import { tableLabels } from "@/components/data-table/table-labels";
import { PageHeader } from "@/components/admin/page-header";
import { FilterBar } from "@/components/admin/filter-bar";
import { HoursPolicyTable, StaffAnalytics } from "@/components/staff/analytics";
import { hoursPolicyShares, staffAggregates } from "@/lib/staff/analytics";

export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The staff of the viewer's school or territory: appointments in force by default, with category and expiry. */
export default async function StaffPage({ params, searchParams }: PageProps<"/[locale]/admin/staff">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("staff.read");
  const t = await getTranslations("staff");
  const tc = await getTranslations("common");
  const list = parseListParams(await searchParams, {
    sortable: STAFF_SORTS,
    defaultSort: "name",
    filters: STAFF_FILTERS,
  });
  const [page, options] = await Promise.all([listStaff(scope, list), staffOptions(scope)]);
  const canManage = Boolean(scopeOf(viewer, "staff.manage"));
  // the authorities (district, region, ministry) see their territory's figures above the list
  const [aggregates, hoursPolicy] = canManage
    ? [null, []]
    : await Promise.all([staffAggregates(scope), hoursPolicyShares(scope)]);
  const query = new URLSearchParams({
    ...(list.q ? { q: list.q } : {}),
    ...list.filters,
    sort: list.sort,
    dir: list.dir,
    locale,
  });
  const exportHref = `/api/v1/staff/export?${query.toString()}`;
  const linkClass =
    "rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100";
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        create={canManage ? { href: "/admin/staff/new", label: t("new") } : undefined}
        actions={
          <>
            <a href={exportHref} className={linkClass} data-testid="export-csv" download>
              {t("exportCsv")}
            </a>
            <a href={`${exportHref}&format=xlsx`} className={linkClass} data-testid="export-xlsx" download>
              {tc("actions.exportXlsx")}
            </a>
          </>
        }
      />
      {aggregates && <StaffAnalytics data={aggregates} locale={locale} />}
      <HoursPolicyTable rows={hoursPolicy} locale={locale} />
      <FilterBar
        q={list.q}
        searchLabel={t("search")}
        keep={{ sort: list.sort, dir: list.dir }}
        selects={[
          ...(options.organizations.length > 1
            ? [
                {
                  name: "organization",
                  label: t("columns.organization"),
                  value: list.filters.organization ?? "",
                  options: options.organizations.map((o) => ({ value: o.id, label: localName(o, locale) })),
                },
              ]
            : []),
          {
            name: "position",
            label: t("columns.position"),
            value: list.filters.position ?? "",
            options: options.positions.map((p) => ({ value: p.id, label: localName(p, locale) })),
          },
          {
            name: "category",
            label: t("columns.category"),
            value: list.filters.category ?? "",
            options: QUALIFICATION_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
          },
          {
            name: "status",
            label: t("filters.status"),
            value: list.filters.status ?? "",
            options: (["ended", "all"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          },
          {
            name: "due",
            label: t("filters.due"),
            value: list.filters.due ?? "",
            options: [{ value: "1", label: t("filters.dueYes") }],
          },
        ]}
      />
      <DataTable
        caption={t("title")}
        columns={[
          { id: "name", header: t("columns.name"), sortable: true, kind: "link", hrefKey: "href" },
          ...(options.organizations.length > 1 ? [{ id: "organization", header: t("columns.organization") }] : []),
          { id: "position", header: t("columns.position"), sortable: true },
          { id: "kind", header: t("columns.kind") },
          { id: "rate", header: t("columns.rate"), align: "right" as const },
          { id: "hours", header: t("columns.hours"), align: "right" as const },
          { id: "subjects", header: t("columns.subjects"), kind: "lines" as const },
          { id: "startDate", header: t("columns.startDate"), sortable: true, kind: "date" as const },
          { id: "category", header: t("columns.category") },
          { id: "expiry", header: t("columns.expiry"), sortable: true, kind: "date" as const },
        ]}
        rows={page.rows.map((r) => ({
          id: r.id,
          name: [r.employee.person.lastName, r.employee.person.firstName, r.employee.person.middleName]
            .filter(Boolean)
            .join(" "),
          href: `/admin/staff/${r.employee.id}`,
          organization: localName(r.organization, locale),
          position: localName(r.position, locale),
          kind: t(`kinds.${r.kind}`),
          rate: Number(r.rate),
          hours: r.weeklyHours,
          subjects: r.subjects.map((s) => localName(s, locale)).join("\n"),
          startDate: day(r.startDate),
          category: t(`categories.${r.employee.category}`),
          expiry: day(r.employee.categoryExpiresOn),
        }))}
        total={page.total}
        page={page.page}
        pageSize={page.pageSize}
        sort={list.sort}
        dir={list.dir}
        labels={await tableLabels(t("empty"))}
      />
    </div>
  );
}
