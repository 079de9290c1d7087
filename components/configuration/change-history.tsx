import { getTranslations } from "next-intl/server";
import { changeValue } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";
import type { HistoryEntry } from "@/lib/configuration/history";

/**
 * Who changed a configuration item, when and what (before → after), from the audit log; newest first.
 * `collapsed` puts it in a <details> (one per item in a list).
 */
export async function ChangeHistory({
  entries,
  locale,
  testId,
  collapsed,
  showEntity,
}: {
  entries: HistoryEntry[];
  locale: string;
  testId?: string;
  collapsed?: boolean;
  showEntity?: boolean;
}) {
  const t = await getTranslations("admin.configuration.history");
  const list = entries.length ? (
    <ol className="mt-2 space-y-2 text-sm" data-testid={testId}>
      {entries.map((e) => (
        <li key={e.id} className="border-l-2 border-slate-200 pl-3" data-history-entity={e.entity}>
          <p>
            <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale)}</time> · {e.actor ?? t("system")} ·{" "}
            {t(`actions.${e.action === "create" ? "create" : e.action === "delete" ? "delete" : "update"}`)}
            {showEntity && <span className="text-slate-600"> · {e.entity}</span>}
          </p>
          {e.changes.length > 0 && (
            <ul className="mt-1 space-y-0.5 break-words text-slate-700">
              {e.changes.map((c) => (
                <li key={c.field}>
                  <span className="font-mono text-xs">{c.field}</span>:{" "}
                  {"before" in c && "after" in c ? (
                    <>
                      <del className="text-red-800">{changeValue(c.before)}</del> →{" "}
                      <ins className="text-green-800 no-underline">{changeValue(c.after)}</ins>
                    </>
                  ) : (
                    changeValue("after" in c ? c.after : c.before)
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  ) : (
    <p className="mt-2 text-sm text-slate-600" data-testid={testId}>
      {t("none")}
    </p>
  );
  if (!collapsed) return list;
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm text-brand-700">{t("title", { count: entries.length })}</summary>
      {list}
    </details>
  );
}
