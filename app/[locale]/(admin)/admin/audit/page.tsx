import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { parseListParams } from "@/lib/data-table/params";
import {
  AUDIT_ACTIONS,
  AUDIT_FILTERS,
  AUDIT_SORTS,
  AUDIT_EXPORT_LIMIT,
  auditEntities,
  changeValue,
  fieldChanges,
  listAudit,
} from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/time";
import { DataTable } from "@/components/data-table/data-table-client";
import { tableLabels } from "@/components/data-table/table-labels";
import { FilterBar } from "@/components/admin/filter-bar";
import { PageHeader } from "@/components/admin/page-header";
import { runtimeKeys } from "@/i18n/keys";
import { Input } from "@/components/ui/input";
import { linkButtonClass } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";

export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("audit.read");
  const t = await getTranslations("audit");
  const ta = runtimeKeys(t);
  const tc = await getTranslations("common");
  const tr = runtimeKeys(await getTranslations("reporting"));
  const list = parseListParams(await searchParams, {
    sortable: AUDIT_SORTS,
    defaultSort: "at",
    defaultDir: "desc",
    filters: AUDIT_FILTERS,
  });
  const [page, entities] = await Promise.all([listAudit(viewer, list), auditEntities(viewer)]);

  const exportQuery = new URLSearchParams({ format: "csv", locale, sort: list.sort, dir: list.dir });
  if (list.q) exportQuery.set("q", list.q);
  for (const [k, v] of Object.entries(list.filters)) exportQuery.set(k, v);
  const keep: Record<string, string> = { sort: list.sort, dir: list.dir };
  if (list.filters.entityId) keep.entityId = list.filters.entityId;
  const entityLabel = (entity: string) => (ta.has(`entities.${entity}`) ? ta(`entities.${entity}`) : entity);
  /** A stored value as a person reads it: codes of states in words, yes/no, the rest as it is. */
  const valueText = (v: unknown): string => {
    if (typeof v === "boolean") return ta(`values.${v}`);
    if (typeof v === "string" && /^[A-Z][A-Z_]+$/.test(v) && tr.has(`status.${v}`)) return tr(`status.${v}`);
    return changeValue(v);
  };
  /** One change a line: "field: old → new". */
  const changesText = (before: unknown, after: unknown) =>
    fieldChanges(before, after)
      .map((c) =>
        "before" in c && "after" in c
          ? `${c.field}: ${valueText(c.before)} → ${valueText(c.after)}`
          : `${c.field}: ${valueText("after" in c ? c.after : c.before)}`,
      )
      .join("\n");

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <a
              href={`/api/v1/audit?${exportQuery.toString()}`}
              download
              className={linkButtonClass({ variant: "secondary", className: "font-medium" })}
              title={t("exportHint", { limit: formatNumber(AUDIT_EXPORT_LIMIT, locale) })}
            >
              {tc("actions.exportCsv")}
            </a>
            <a
              href={`/api/v1/audit?${new URLSearchParams({ ...Object.fromEntries(exportQuery), format: "xlsx" }).toString()}`}
              download
              className={linkButtonClass({ variant: "secondary", className: "font-medium" })}
              title={t("exportHint", { limit: formatNumber(AUDIT_EXPORT_LIMIT, locale) })}
            >
              {tc("actions.exportXlsx")}
            </a>
          </>
        }
      />
      <FilterBar
        q={list.q || list.filters.actor || ""}
        searchLabel={t("actor")}
        keep={keep}
        selects={[
          {
            name: "entity",
            label: t("entity"),
            value: list.filters.entity ?? "",
            options: entities.map((e) => ({ value: e, label: entityLabel(e) })),
          },
          {
            name: "action",
            label: t("action"),
            value: list.filters.action ?? "",
            options: AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) })),
          },
        ]}
        extra={
          <>
            <label className="flex flex-col text-sm">
              <span className="mb-1 font-medium">{t("from")}</span>
              <Input type="date" name="from" defaultValue={list.filters.from ?? ""} />
            </label>
            <label className="flex flex-col text-sm">
              <span className="mb-1 font-medium">{t("to")}</span>
              <Input type="date" name="to" defaultValue={list.filters.to ?? ""} />
            </label>
          </>
        }
      />
      <DataTable
        caption={t("title")}
        columns={[
          { id: "at", header: t("at"), sortable: true, kind: "mono" },
          { id: "actor", header: t("actor") },
          { id: "action", header: t("action"), kind: "badge" },
          { id: "entity", header: t("entity"), kind: "link", hrefKey: "history" },
          { id: "changes", header: t("changes"), kind: "lines" },
        ]}
        rows={page.rows.map((r) => ({
          id: r.id,
          at: formatDateTime(r.at, locale),
          actor: r.actor ? `${r.actor.login} (${r.actor.displayName})` : t("system"),
          action: ta.has(`actions.${r.action}`) ? ta(`actions.${r.action}`) : r.action,
          entity: entityLabel(r.entity),
          history: `/admin/audit?${new URLSearchParams({ entityId: r.entityId }).toString()}`,
          changes: changesText(r.before, r.after),
        }))}
        total={page.total}
        page={page.page}
        pageSize={page.pageSize}
        sort={list.sort}
        dir={list.dir}
        labels={await tableLabels(t("empty"))}
      />
      <p className="mt-2 text-xs text-slate-500">{t("timeZoneNote")}</p>
    </div>
  );
}
