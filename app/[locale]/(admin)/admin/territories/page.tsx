import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { parseListParams } from "@/lib/data-table/params";
import { listTerritories, regionOptions, TERRITORY_LEVELS, TERRITORY_SORTS } from "@/lib/registry/territories";
import { localName } from "@/lib/names";
import { DataTable } from "@/components/data-table/data-table-client";
import { tableLabels } from "@/components/data-table/table-labels";
import { ListPage } from "@/components/admin/list-page";

export default async function TerritoriesPage({ params, searchParams }: PageProps<"/[locale]/admin/territories">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("registry.territory.read");
  const t = await getTranslations("territories");
  const list = parseListParams(await searchParams, {
    sortable: TERRITORY_SORTS,
    defaultSort: "code",
    filters: ["level", "region"],
  });
  const [page, regions] = await Promise.all([listTerritories(list, locale), regionOptions(locale)]);
  const canCreate = Boolean(scopeOf(viewer, "registry.territory.write"));
  return (
    <ListPage
      title={t("title")}
      description={t("description")}
      create={canCreate ? { href: "/admin/territories/new", label: t("new") } : undefined}
      list={list}
      searchLabel={t("search")}
      selects={[
        {
          name: "level",
          label: t("level"),
          options: TERRITORY_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) })),
        },
        { name: "region", label: t("region"), options: regions },
      ]}
    >
      <DataTable
        caption={t("title")}
        columns={[
          { id: "code", header: t("code"), sortable: true, kind: "mono" },
          { id: "name", header: t("name"), sortable: true, kind: "link", hrefKey: "href" },
          { id: "level", header: t("level"), sortable: true, kind: "badge" },
          { id: "parent", header: t("parent") },
        ]}
        rows={page.rows.map((r) => ({
          id: r.id,
          code: r.code,
          name: localName(r, locale),
          href: `/admin/territories/${r.id}`,
          level: t(`levels.${r.level}`),
          parent: r.parent ? localName(r.parent, locale) : null,
        }))}
        total={page.total}
        page={page.page}
        pageSize={page.pageSize}
        sort={list.sort}
        dir={list.dir}
        labels={await tableLabels(t("empty"))}
      />
    </ListPage>
  );
}
