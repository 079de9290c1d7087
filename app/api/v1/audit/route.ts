import { NextResponse } from "next/server";
import { badParameter, route } from "@/lib/http";
import { parseListParams } from "@/lib/data-table/params";
import {
  AUDIT_FILTERS,
  AUDIT_SORTS,
  auditCsv,
  auditXlsx,
  exportAudit,
  listAudit,
  type AuditRow,
} from "@/lib/audit/queries";
import { downloadHeaders } from "@/lib/csv/xlsx";
import { formatDateTime } from "@/lib/time";

export const dynamic = "force-dynamic";

function json(row: AuditRow) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor ? { id: row.actor.id, login: row.actor.login } : null,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  };
}

/**
 * The audit log (audit.read only), filtered like the admin page: entity, action, actor (or q), from, to
 * (days in Asia/Almaty), entityId; newest first. `format=csv` (or `xlsx`) answers a file of at most 10,000 rows,
 * otherwise one JSON page (`page`, `pageSize`).
 */
export const GET = route({
  permission: "audit.read",
  handler: async ({ viewer, url }) => {
    const format = url.searchParams.get("format") ?? "json";
    if (format !== "csv" && format !== "xlsx" && format !== "json")
      throw badParameter("format", format, ["json", "csv", "xlsx"]);
    const params = parseListParams(Object.fromEntries(url.searchParams), {
      sortable: AUDIT_SORTS,
      defaultSort: "at",
      defaultDir: "desc",
      filters: AUDIT_FILTERS,
    });
    if (format === "json") {
      const page = await listAudit(viewer, params);
      return NextResponse.json(
        { total: page.total, page: page.page, pageSize: page.pageSize, rows: page.rows.map(json) },
        { headers: { "cache-control": "no-store" } },
      );
    }
    const rows = await exportAudit(viewer, params);
    const stamp = formatDateTime(new Date()).slice(0, 10).replace(/-/g, "");
    if (format === "xlsx")
      return new NextResponse(new Uint8Array(await auditXlsx(rows)), {
        headers: { ...downloadHeaders("xlsx", `audit-${stamp}`), "cache-control": "no-store" },
      });
    const body = auditCsv(rows);
    return new NextResponse(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
});
