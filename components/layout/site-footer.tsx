import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="border-t border-slate-200 bg-white text-sm text-slate-600">
      <div className="mx-auto max-w-7xl space-y-1 px-4 py-4">
        <p>{t("footer.legal")}</p>
        <p>{t("footer.privacy")}</p>
      </div>
    </footer>
  );
}
