import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { ADMIN_NAV } from "@/components/admin/admin-nav";
import { PageHeader } from "@/components/admin/page-header";
import { scopeSummary } from "@/lib/registry/dashboard";
import { unreadCount } from "@/lib/notifications/notifications";
import { formatNumber } from "@/lib/format";
import { providesCourses } from "@/lib/staff/courses";

export default async function AdminHome({ params }: PageProps<"/[locale]/admin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = (await getViewer())!;
  const t = await getTranslations("admin");
  const [summary, unread, provider] = await Promise.all([
    scopeSummary(viewer, locale),
    unreadCount(viewer.userId),
    providesCourses(viewer),
  ]);
  const tn = await getTranslations("reporting-review.notifications");
  return (
    <div>
      <PageHeader title={t("dashboardTitle")} description={t("welcome", { name: viewer.displayName })} />
      <section className="mb-6 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("yourRoles")}</h2>
        <ul className="space-y-1 text-sm" data-testid="viewer-roles">
          {summary.roles.map((r) => (
            <li key={`${r.role}:${r.scopeName}`}>
              <span className="font-medium">{t(`roles.${r.role}`)}</span> — {r.scopeName}
            </li>
          ))}
        </ul>
      </section>
      <p className="mb-6">
        <Link
          href="/notifications"
          className="inline-flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 py-2 no-underline hover:border-brand-600 hover:no-underline"
          data-testid="notifications-link"
        >
          <span className="font-semibold">{tn("dashboard")}</span>
          <span
            className={`rounded px-2 py-0.5 text-xs ${unread ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-600"}`}
          >
            {tn("dashboardUnread", { count: unread })}
          </span>
        </Link>
      </p>
      {summary.counts && (
        <dl className="mb-6 grid gap-4 sm:grid-cols-3">
          {(["organizations", "people", "users"] as const).map((k) => (
            <div key={k} className="rounded-lg bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">{t(`nav.${k}`)}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid={`count-${k}`}>
                {formatNumber(summary.counts![k], locale)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <ul className="grid gap-3 sm:grid-cols-2">
        {ADMIN_NAV.filter(
          (i) => i.key !== "dashboard" && scopeOf(viewer, i.permission) && (!i.provider || provider),
        ).map((i) => (
          <li key={i.key}>
            <Link
              href={i.href}
              className="block rounded-lg border border-slate-200 bg-white p-4 no-underline hover:border-brand-600 hover:no-underline"
            >
              <span className="font-semibold">{t(`nav.${i.key}`)}</span>
              <span className="mt-1 block text-sm text-slate-600">
                {t(`navHint.${i.key as Exclude<typeof i.key, "dashboard">}`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
