import { getTranslations } from "next-intl/server";
import { deadlineInfo } from "@/lib/reporting/periods";
import { formatDay } from "@/lib/format";

/**
 * The deadline of a period as people read it: the due date, and when it falls on a weekend or holiday,
 * "moved to <date> because <date>: <reason>; …" (R5).
 */
export async function DeadlineNote({ dueDate, locale, compact }: { dueDate: Date; locale: string; compact?: boolean }) {
  const t = await getTranslations("reporting.deadline");
  const info = deadlineInfo(dueDate.toISOString().slice(0, 10), locale);
  const day = (iso: string) => formatDay(iso, locale);
  const reasons = info.skipped
    .map((s) => {
      const why = s.reasons.map((r) =>
        r === "holiday" || r === "substitute"
          ? t(`reasons.${r}`, { names: s.holidays.join(", ") || "—" })
          : t(`reasons.${r}`),
      );
      return `${day(s.date)}: ${why.join(", ")}`;
    })
    .join("; ");
  return (
    <span data-testid="deadline" data-deadline={info.date}>
      {day(info.dueDate)}
      {info.moved && (
        <span className={`block text-xs text-amber-800 ${compact ? "" : "mt-0.5"}`} data-testid="deadline-moved">
          {t("moved", { date: day(info.date), reasons })}
        </span>
      )}
    </span>
  );
}
