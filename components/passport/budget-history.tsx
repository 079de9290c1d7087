import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/format";
import { formatDateTime } from "@/lib/time";

interface Version {
  version: number;
  planned: number;
  spent: number;
  comment: string | null;
  status: "PENDING" | "CONFIRMED" | "REJECTED";
  enteredAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  enteredBy: { displayName: string };
  decidedBy: { displayName: string } | null;
}

/**
 * A budget line's history (the school's budget page and the district's queue): the version that counts while a
 * correction waits, and every version with who entered and who decided it.
 */
export async function BudgetHistory({
  line,
  locale,
}: {
  line: { id: string; version: number; confirmedVersion: number | null; versions: Version[] };
  locale: string;
}) {
  if (!line.versions.length) return null;
  const t = await getTranslations("passport");
  const money = (v: number) => formatNumber(v, locale);
  const counted = line.versions.find((v) => v.version === line.confirmedVersion);
  return (
    <details className="text-xs" data-testid="budget-history">
      <summary className="cursor-pointer text-brand-700">{t("budget.history")}</summary>
      {counted && counted.version !== line.version && (
        <p className="mt-1 font-medium" data-testid="budget-counted">
          {t("budget.counted", {
            version: counted.version,
            planned: money(counted.planned),
            spent: money(counted.spent),
          })}
        </p>
      )}
      <ol className="mt-1 space-y-1">
        {line.versions.map((v) => (
          <li key={v.version} data-version={v.version} data-status={v.status}>
            <span className="font-medium">{t("budget.version", { version: v.version })}</span>: {t("fields.planned")}{" "}
            <span className="tabular-nums">{money(v.planned)}</span>, {t("fields.spent")}{" "}
            <span className="tabular-nums">{money(v.spent)}</span>
            {v.comment ? ` · ${v.comment}` : ""}
            <br />
            {t("budget.entered", { name: v.enteredBy.displayName, date: formatDateTime(v.enteredAt, locale) })}
            {" · "}
            {v.status === "PENDING"
              ? v.version === line.version
                ? t("budgetStatus.PENDING")
                : t("budget.replaced")
              : t("budget.decided", {
                  status: t(`budgetStatus.${v.status}`),
                  name: v.decidedBy?.displayName ?? "",
                  date: v.decidedAt ? formatDateTime(v.decidedAt, locale) : "",
                })}
            {v.decisionNote ? ` · ${v.decisionNote}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}
