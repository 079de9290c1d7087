import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { parseListParams } from "@/lib/data-table/params";
import { listOrganizations, organizationFilters, organizationSorts } from "@/lib/registry/organizations";
import { classifierOptions } from "@/lib/classifiers/queries";
import { localName } from "@/lib/names";
import { DataTable } from "@/components/data-table/data-table-client";
import { tableLabels } from "@/components/data-table/table-labels";
import { PageHeader } from "@/components/admin/page-header";
import { FilterBar } from "@/components/admin/filter-bar";
import { Input } from "@/components/ui/input";
import { attributeChoices, listAttributeDefinitions } from "@/lib/registry/attributes";
import { ATTRIBUTE_FIELD_PREFIX, type AttributeValues } from "@/lib/registry/attribute-schemas";
import { attributeText } from "@/components/registry/attribute-fields";

export default async function OrganizationsPage({ params, searchParams }: PageProps<"/[locale]/admin/organizations">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("registry.organization.read");
  const t = await getTranslations("organizations");
  const tc = await getTranslations("common");
  const defs = await listAttributeDefinitions(undefined, "ORGANIZATION");
  const list = parseListParams(await searchParams, {
    sortable: organizationSorts(defs),
    defaultSort: "name",
    filters: organizationFilters(defs),
  });
  const [page, kinds, choices] = await Promise.all([
    listOrganizations(scope, list, locale),
    classifierOptions("ORG_KIND", locale),
    attributeChoices(defs),
  ]);
  const yesNo = { yes: t("attributes.yes"), no: t("attributes.no") };
  // yes/no and choice attributes filter the list; every attribute is a column
  const attributeSelects = defs
    .filter((d) => d.type === "BOOLEAN" || d.type === "CHOICE")
    .map((d) => ({
      name: `${ATTRIBUTE_FIELD_PREFIX}${d.code}`,
      label: localName(d, locale),
      options:
        d.type === "BOOLEAN"
          ? [
              { value: "yes", label: yesNo.yes },
              { value: "no", label: yesNo.no },
            ]
          : (choices[d.code] ?? []).map((i) => ({ value: i.code, label: localName(i, locale) })),
    }));
  // number and date attributes filter by a range (either bound may be left empty)
  const ranges = defs.filter((d) => d.type === "NUMBER" || d.type === "DATE");
  const canCreate = Boolean(scopeOf(viewer, "registry.organization.write"));
  const query = new URLSearchParams({
    ...(list.q ? { q: list.q } : {}),
    ...list.filters,
    sort: list.sort,
    dir: list.dir,
    locale,
  });
  const exportHref = `/api/v1/registry/organizations/export?${query.toString()}`;
  const linkClass =
    "rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100";
  const selects = [
    { name: "kind", label: t("kind"), options: kinds.map((k) => ({ value: k.code, label: k.label })) },
    {
      name: "status",
      label: t("status"),
      options: (["ACTIVE", "SUSPENDED", "CLOSED"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) })),
    },
    ...attributeSelects,
  ];
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        create={canCreate ? { href: "/admin/organizations/new", label: t("new") } : undefined}
        actions={
          <>
            <a href={exportHref} className={linkClass} data-testid="export-csv" download>
              {tc("actions.exportCsv")}
            </a>
            <a href={`${exportHref}&format=xlsx`} className={linkClass} data-testid="export-xlsx" download>
              {tc("actions.exportXlsx")}
            </a>
          </>
        }
      />
      <FilterBar
        q={list.q}
        searchLabel={t("search")}
        keep={{ sort: list.sort, dir: list.dir }}
        selects={selects.map((s) => ({ ...s, value: list.filters[s.name] ?? "" }))}
        extra={ranges.flatMap((d) =>
          (["from", "to"] as const).map((end) => {
            const name = `${ATTRIBUTE_FIELD_PREFIX}${d.code}_${end}`;
            return (
              <label key={name} className="flex flex-col text-sm">
                <span className="mb-1 font-medium">{t(`attributes.${end}`, { name: localName(d, locale) })}</span>
                <Input
                  name={name}
                  type={d.type === "DATE" ? "date" : "text"}
                  inputMode={d.type === "NUMBER" ? "decimal" : undefined}
                  maxLength={30}
                  className="w-40"
                  defaultValue={list.filters[name] ?? ""}
                />
              </label>
            );
          }),
        )}
      />
      <DataTable
        caption={t("title")}
        columns={[
          { id: "name", header: t("name"), sortable: true, kind: "link", hrefKey: "href" },
          { id: "bin", header: t("bin"), sortable: true, kind: "mono" },
          { id: "kind", header: t("kind") },
          { id: "territory", header: t("territory"), sortable: true },
          { id: "status", header: t("status"), kind: "badge" },
          ...defs.map((d) => ({
            id: `${ATTRIBUTE_FIELD_PREFIX}${d.code}`,
            header: localName(d, locale),
            sortable: true,
          })),
        ]}
        rows={page.rows.map((o) => ({
          id: o.id,
          name: localName(o, locale),
          href: `/admin/organizations/${o.id}`,
          bin: o.bin,
          kind: localName(o.kind, locale),
          territory: localName(o.territory, locale),
          status: t(`statuses.${o.status}`),
          ...Object.fromEntries(
            defs.map((d) => [
              `${ATTRIBUTE_FIELD_PREFIX}${d.code}`,
              attributeText(d, (o.attributes as AttributeValues)[d.code], choices, locale, yesNo),
            ]),
          ),
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
