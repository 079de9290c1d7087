import { getTranslations } from "next-intl/server";
import type { ProcessLevel } from "@/lib/reporting/process";

/** A process's chain as an ordered diagram: the organisation, then each level with its days, then acceptance. */
export async function ProcessDiagram({ levels }: { levels: ProcessLevel[] }) {
  const t = await getTranslations("reporting.processes");
  const box = "rounded border px-2 py-1 text-sm";
  return (
    <ol aria-label={t("chain")} className="mt-2 flex flex-wrap items-center gap-1" data-testid="process-chain">
      <li className={`${box} border-slate-300 bg-slate-50`}>{t("levels.ORGANIZATION")}</li>
      {levels.map((l, i) => (
        <li key={i} className="flex items-center gap-1" data-level={l.level}>
          <span aria-hidden="true" className="text-slate-500">
            →
          </span>
          <span className={`${box} border-brand-600 bg-brand-50`}>
            {t(`levels.${l.level}`)} <span className="text-slate-600">· {t("days", { days: l.days })}</span>
          </span>
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span aria-hidden="true" className="text-slate-500">
          →
        </span>
        <span className={`${box} border-green-300 bg-green-50 text-green-800`}>✓ {t("accepted")}</span>
      </li>
    </ol>
  );
}
