import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("common");
  const tp = await getTranslations("publications.footer");
  const ts = await getTranslations("staff.public");
  return (
    <footer className="border-t border-slate-200 bg-white text-sm text-slate-600">
      <div className="mx-auto max-w-7xl space-y-1 px-4 py-4">
        <nav className="flex flex-wrap gap-x-4 gap-y-1 pb-1" aria-label={tp("help")}>
          <Link href="/pages/about">{tp("about")}</Link>
          <Link href="/pages/legal" data-testid="footer-legal">
            {tp("legal")}
          </Link>
          <Link href="/pages/help" data-testid="footer-help">
            {tp("help")}
          </Link>
          <Link href="/news" data-testid="footer-news">
            {tp("news")}
          </Link>
          <Link href="/vacancies" data-testid="footer-vacancies">
            {ts("footerLink")}
          </Link>
        </nav>
        <p>{t("footer.legal")}</p>
        <p>{t("footer.privacy")}</p>
      </div>
    </footer>
  );
}
