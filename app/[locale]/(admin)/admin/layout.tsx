import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { secondFactorPolicy } from "@/lib/auth/roles";
import { hasSecondFactor } from "@/lib/auth/second-factor";
import { providesCourses } from "@/lib/staff/courses";
import { ADMIN_NAV } from "@/components/admin/admin-nav";

export default async function AdminLayout({ children, params }: LayoutProps<"/[locale]/admin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/admin` } }, locale });
  // roles that require a second factor reach the admin area only once it is set up
  if (secondFactorPolicy(viewer.roles.map((r) => r.role)) === "required" && !(await hasSecondFactor(viewer.userId)))
    return redirect({ href: "/account/security/second-factor", locale });
  const t = await getTranslations("admin");
  if (!scopeOf(viewer, "admin.access")) {
    return (
      <div role="alert" className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold">{t("forbiddenTitle")}</h1>
        <p className="mt-2 text-slate-600">{t("forbiddenText")}</p>
        <Link href="/account" className="mt-3 inline-block">
          {t("toAccount")}
        </Link>
      </div>
    );
  }
  const provider = await providesCourses(viewer);
  const items = ADMIN_NAV.filter((item) => scopeOf(viewer, item.permission) && (!item.provider || provider));
  return (
    <div className="flex flex-col gap-6 md:flex-row">
      <nav aria-label={t("navLabel")} className="md:w-56 md:shrink-0">
        <ul className="space-y-1 rounded-lg bg-white p-2 shadow-sm">
          {items.map((item) => (
            <li key={item.key}>
              <Link
                href={item.href}
                className="block rounded px-3 py-2 text-sm text-slate-800 no-underline hover:bg-brand-50 hover:no-underline"
              >
                {t(`nav.${item.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
