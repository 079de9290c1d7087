import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { parseListParams } from "@/lib/data-table/params";
import { isoDate, listPeople, maskIin, organizationOptions, PERSON_SORTS } from "@/lib/registry/people";
import { localName } from "@/lib/names";
import { DataTable } from "@/components/data-table/data-table-client";
import { tableLabels } from "@/components/data-table/table-labels";
import { ListPage } from "@/components/admin/list-page";

export default async function PeoplePage({ params, searchParams }: PageProps<"/[locale]/admin/people">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("registry.person.read");
  const t = await getTranslations("people");
  const list = parseListParams(await searchParams, {
    sortable: PERSON_SORTS,
    defaultSort: "lastName",
    filters: ["organization", "sex"],
  });
  const [page, organizations] = await Promise.all([listPeople(scope, list), organizationOptions(scope, locale)]);
  const canCreate = Boolean(scopeOf(viewer, "registry.person.write"));
  return (
    <ListPage
      title={t("title")}
      description={t("description")}
      create={canCreate ? { href: "/admin/people/new", label: t("new") } : undefined}
      list={list}
      searchLabel={t("search")}
      selects={[
        { name: "organization", label: t("organization"), options: organizations },
        {
          name: "sex",
          label: t("sex"),
          options: (["MALE", "FEMALE"] as const).map((s) => ({ value: s, label: t(`sexes.${s}`) })),
        },
      ]}
    >
      <DataTable
        caption={t("title")}
        columns={[
          { id: "lastName", header: t("name"), sortable: true, kind: "link", hrefKey: "href" },
          { id: "iin", header: t("iin"), sortable: true, kind: "mono" },
          { id: "birthDate", header: t("birthDate"), sortable: true },
          { id: "sex", header: t("sex") },
          { id: "organization", header: t("organization") },
        ]}
        rows={page.rows.map((p) => ({
          id: p.id,
          lastName: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" "),
          href: `/admin/people/${p.id}`,
          // The full IIN never leaves the server in a list.
          iin: maskIin(p.iin),
          birthDate: isoDate(p.birthDate),
          sex: t(`sexes.${p.sex}`),
          organization: p.organization ? localName(p.organization, locale) : null,
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
