import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { scopeSummary } from "@/lib/registry/dashboard";
import { NAV_ITEMS, RESTRICTED_ITEMS } from "@/components/layout/nav-items";
import { EmailSection } from "@/components/account/email-section";
import { MailPreferences } from "@/components/account/mail-preferences";

/** Every signed-in person's landing page: who they are, their roles and scopes, and where to go. */
export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account` } }, locale });
  const t = await getTranslations("account");
  const ta = await getTranslations("admin");
  const tc = await getTranslations("common");
  const summary = await scopeSummary(viewer, locale);
  const items = [...NAV_ITEMS, ...RESTRICTED_ITEMS.filter((i) => scopeOf(viewer, i.permission))];
  const canWrite = Boolean(scopeOf(viewer, "publications.write"));
  const tp = await getTranslations("publications");
  const ts = await getTranslations("security");
  const tst = await getTranslations("staff");
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <p className="font-medium" data-testid="account-display-name">
          {viewer.displayName}
        </p>
        <p className="text-sm text-slate-600">{t("login", { login: viewer.login })}</p>
        <h2 className="mt-3 font-semibold">{ta("yourRoles")}</h2>
        <ul className="mt-1 space-y-1 text-sm" data-testid="viewer-roles">
          {summary.roles.map((r) => (
            <li key={`${r.role}:${r.scopeName}`}>
              <span className="font-medium">{ta(`roles.${r.role}`)}</span> — {r.scopeName}
            </li>
          ))}
        </ul>
      </section>
      <EmailSection userId={viewer.userId} />
      <MailPreferences userId={viewer.userId} />
      <section>
        <h2 className="mb-2 font-semibold">{t("goTo")}</h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {items.map((i) => (
            <li key={i.key}>
              <Link
                href={i.href}
                className="block rounded-lg border border-slate-200 bg-white p-3 no-underline hover:border-brand-600 hover:no-underline"
              >
                {tc(`nav.${i.key}`)}
              </Link>
            </li>
          ))}
          <li>
            <Link
              href="/account/security"
              className="block rounded-lg border border-slate-200 bg-white p-3 no-underline hover:border-brand-600 hover:no-underline"
              data-testid="security-link"
            >
              {ts("navLink")}
            </Link>
          </li>
          <li>
            <Link
              href="/account/staff"
              className="block rounded-lg border border-slate-200 bg-white p-3 no-underline hover:border-brand-600 hover:no-underline"
              data-testid="my-staff-link"
            >
              {tst("own.title")}
            </Link>
          </li>
          {canWrite && (
            <li>
              <Link
                href="/account/publications"
                className="block rounded-lg border border-slate-200 bg-white p-3 no-underline hover:border-brand-600 hover:no-underline"
                data-testid="my-publications-link"
              >
                {tp("work.title")}
              </Link>
            </li>
          )}
        </ul>
      </section>
    </div>
  );
}
