import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { ROLES } from "@/lib/auth/roles";
import { parseListParams } from "@/lib/data-table/params";
import { listUsers, USER_SORTS } from "@/lib/users/users";
import { formatDate } from "@/lib/time";
import { DataTable } from "@/components/data-table/data-table-client";
import { tableLabels } from "@/components/data-table/table-labels";
import { ListPage } from "@/components/admin/list-page";
import { scopeName } from "@/components/users/user-roles";

export default async function UsersPage({ params, searchParams }: PageProps<"/[locale]/admin/users">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { scope } = await authorize("users.manage");
  const t = await getTranslations("users");
  const ta = await getTranslations("admin");
  const list = parseListParams(await searchParams, {
    sortable: USER_SORTS,
    defaultSort: "login",
    filters: ["role", "status"],
  });
  const page = await listUsers(scope, list);
  return (
    <ListPage
      title={t("title")}
      description={t("description")}
      create={{ href: "/admin/users/new", label: t("new") }}
      list={list}
      searchLabel={t("search")}
      selects={[
        { name: "role", label: t("role"), options: ROLES.map((r) => ({ value: r, label: ta(`roles.${r}`) })) },
        {
          name: "status",
          label: t("status"),
          options: (["active", "inactive"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) })),
        },
      ]}
    >
      <DataTable
        caption={t("title")}
        columns={[
          { id: "login", header: t("login"), sortable: true, kind: "link", hrefKey: "href" },
          { id: "displayName", header: t("displayName"), sortable: true },
          { id: "roles", header: t("roles") },
          { id: "status", header: t("status"), kind: "badge" },
          { id: "createdAt", header: t("createdAt"), sortable: true },
        ]}
        rows={page.rows.map((u) => ({
          id: u.id,
          login: u.login,
          href: `/admin/users/${u.id}`,
          displayName: u.displayName,
          roles: u.roles.map((r) => `${ta(`roles.${r.role}`)} — ${scopeName(r, locale)}`).join("; "),
          status: t(`statuses.${u.active ? "active" : "inactive"}`),
          createdAt: formatDate(u.createdAt, locale),
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
