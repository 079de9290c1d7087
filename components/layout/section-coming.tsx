import { getTranslations } from "next-intl/server";
import type { SectionKey } from "./nav-items";

/** The landing of a section whose module is not open yet: says what it will hold. */
export async function SectionComing({ section }: { section: Exclude<SectionKey, "admin"> }) {
  const t = await getTranslations();
  return (
    <div className="max-w-3xl space-y-3">
      <h1 className="text-2xl font-bold">{t(`common.nav.${section}`)}</h1>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
        <h2 className="font-semibold">{t("sections.comingTitle")}</h2>
        <p className="mt-2 text-slate-700">{t("sections.comingText")}</p>
        <p className="mt-2 text-slate-700">{t(`sections.${section}`)}</p>
      </div>
    </div>
  );
}
