import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { roleHas } from "@/lib/auth/permissions";
import { pageCount, parseListParams } from "@/lib/data-table/params";
import { formatDate } from "@/lib/time";
import { localName } from "@/lib/names";
import { listLetters, registerOrganizations } from "@/lib/letters/letters";
import { DIRECTIONS, STATUSES } from "@/lib/letters/rules";
import { letterQueryOf, type LetterQuery } from "@/lib/letters/schemas";
import { PageHeader } from "@/components/admin/page-header";
import { FilterBar } from "@/components/admin/filter-bar";
import { LetterStatusBadge, OverdueMark } from "@/components/letters/status-badge";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";

export const dynamic = "force-dynamic";

/** The query string of a register view (only what differs from the defaults). */
function queryOf(query: LetterQuery, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { direction: query.direction };
  if (query.q) out.q = query.q;
  if (query.status) out.status = query.status;
  if (query.overdue) out.overdue = "1";
  if (query.organizationId) out.organizationId = query.organizationId;
  if (query.year) out.year = String(query.year);
  if (query.sort !== "number") out.sort = query.sort;
  if (query.dir !== "desc") out.dir = query.dir;
  return { ...out, ...extra };
}

/** Registers of incoming and outgoing letters in the viewer's scope: tabs, search, filters, overdue, CSV. */
export default async function LettersPage({ params, searchParams }: PageProps<"/[locale]/admin/letters">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("letters.read");
  const t = await getTranslations("letters");
  const tc = await getTranslations("common");
  const raw = await searchParams;
  const list = parseListParams(raw, { sortable: ["number"] as const, defaultSort: "number" });
  const query = letterQueryOf(raw);
  const now = new Date();
  const [page, organizations] = await Promise.all([
    listLetters(viewer, query, { page: list.page, pageSize: list.pageSize }, now),
    registerOrganizations(viewer),
  ]);
  const pages = pageCount(page.total, page.pageSize);
  const canManage = viewer.roles.some((r) => roleHas(r.role, "letters.manage"));
  const exportHref = `/api/v1/letters/export?${new URLSearchParams({ ...queryOf(query), locale }).toString()}`;
  /** The heading's sort state, on the column heading where assistive technology reads it. */
  const sortState = (sort: LetterQuery["sort"]) =>
    query.sort === sort ? (query.dir === "asc" ? ("ascending" as const) : ("descending" as const)) : undefined;
  const sortLink = (sort: LetterQuery["sort"], label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === "desc" ? "asc" : "desc";
    return (
      <Link href={{ pathname: "/admin/letters", query: queryOf({ ...query, sort, dir }) }} data-testid={`sort-${sort}`}>
        {label}
        {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    );
  };
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <a
              href={exportHref}
              className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100"
              data-testid="export-csv"
              download
            >
              {t("list.export")}
            </a>
            <a
              href={`${exportHref}&format=xlsx`}
              className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100"
              data-testid="export-xlsx"
              download
            >
              {tc("actions.exportXlsx")}
            </a>
          </>
        }
        create={
          canManage ? { href: `/admin/letters/new?direction=${query.direction}`, label: t("list.new") } : undefined
        }
      />
      <nav className="mb-3 flex gap-1 border-b border-slate-200" aria-label={t("title")}>
        {DIRECTIONS.map((d) => (
          <Link
            key={d}
            href={{ pathname: "/admin/letters", query: { direction: d } }}
            aria-current={query.direction === d ? "page" : undefined}
            data-testid={`tab-${d}`}
            className={`rounded-t px-4 py-2 text-sm no-underline ${query.direction === d ? "border border-b-white border-slate-200 bg-white font-semibold" : "text-slate-600 hover:text-slate-900"}`}
          >
            {t(`tabs.${d}`)}
          </Link>
        ))}
      </nav>
      <FilterBar
        q={query.q}
        searchLabel={t("list.search")}
        keep={{
          direction: query.direction,
          ...(query.sort !== "number" ? { sort: query.sort } : {}),
          ...(query.dir !== "desc" ? { dir: query.dir } : {}),
        }}
        selects={[
          {
            name: "status",
            label: t("fields.status"),
            value: query.status ?? "",
            options: STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          },
          {
            name: "overdue",
            label: t("list.overdue"),
            value: query.overdue ? "1" : "",
            options: [{ value: "1", label: t("list.yes") }],
          },
          ...(organizations.length > 1
            ? [
                {
                  name: "organizationId",
                  label: t("fields.organization"),
                  value: query.organizationId ?? "",
                  options: organizations.map((o) => ({ value: o.id, label: localName(o, locale) })),
                },
              ]
            : []),
        ]}
      />
      <p className="mb-2 text-sm text-slate-600">{tc("pagination.total", { total: page.total })}</p>
      {page.rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("list.empty")}</p>
      ) : (
        <div
          className="relative overflow-x-auto rounded-lg bg-white shadow-sm"
          role="region"
          aria-label={t("title")}
          tabIndex={0}
        >
          <table className="w-full text-sm" data-testid="letters-register">
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th className="p-2" aria-sort={sortState("number")}>
                  {sortLink("number", t("fields.number"))}
                </th>
                <th className="p-2" aria-sort={sortState("registeredAt")}>
                  {sortLink("registeredAt", t("fields.registeredAt"))}
                </th>
                <th className="p-2" aria-sort={sortState("correspondent")}>
                  {sortLink("correspondent", t("fields.correspondent"))}
                </th>
                <th className="p-2">{t("fields.subject")}</th>
                {organizations.length > 1 && <th className="p-2">{t("fields.organization")}</th>}
                <th className="p-2">{t("fields.executor")}</th>
                <th className="p-2" aria-sort={sortState("dueDate")}>
                  {sortLink("dueDate", t("fields.dueDate"))}
                </th>
                <th className="p-2">{t("fields.status")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((l) => (
                <tr
                  key={l.id}
                  data-id={l.id}
                  data-number={l.number}
                  data-overdue={l.overdue ? "1" : "0"}
                  className={`border-b border-slate-100 ${l.overdue ? "bg-red-50" : ""}`}
                >
                  <td className="p-2 font-mono text-xs whitespace-nowrap">
                    <Link href={`/admin/letters/${l.id}`} data-testid="open-letter">
                      {l.number}
                    </Link>
                  </td>
                  <td className="p-2 font-mono text-xs">{formatDate(l.registeredAt, locale)}</td>
                  <td className="p-2">
                    {l.correspondent}
                    {l.letterNumber && (
                      <span className="block text-xs text-slate-600">
                        № {l.letterNumber}
                        {l.letterDate ? ` · ${l.letterDate.toISOString().slice(0, 10)}` : ""}
                      </span>
                    )}
                  </td>
                  <td className="p-2">
                    {l.subject}
                    {l.replyTo && (
                      <span className="block text-xs text-slate-600">
                        {t("fields.replyTo")}: {l.replyTo.number}
                      </span>
                    )}
                    {l.replies.length > 0 && (
                      <span className="block text-xs text-slate-600">
                        {t("fields.replies")}: {l.replies.map((r) => r.number).join(", ")}
                      </span>
                    )}
                  </td>
                  {organizations.length > 1 && <td className="p-2">{localName(l.organization, locale)}</td>}
                  <td className="p-2">{l.executor?.displayName ?? ""}</td>
                  <td className="p-2 font-mono text-xs whitespace-nowrap">
                    {l.dueDate ? l.dueDate.toISOString().slice(0, 10) : ""}
                    {l.overdue && <OverdueMark label={t("list.overdueMark")} />}
                  </td>
                  <td className="p-2">
                    <LetterStatusBadge status={l.status} label={t(`status.${l.status}`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        path="/admin/letters"
        query={queryOf(query)}
        page={page.page}
        pages={pages}
        labels={await pagerLabels()}
        className="mt-3"
      />
    </div>
  );
}
