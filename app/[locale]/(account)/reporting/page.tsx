import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { almatyDate } from "@/lib/time";
import { submittingOrganizationNames, submittingOrganizations } from "@/lib/reporting/entry";
import { formsDueFor, type DuePeriod } from "@/lib/reporting/obligations";
import { DeadlineNote } from "@/components/reporting/entry-deadline";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

/** "Forms due from my organisation" for a year: every form of the published list with its periods. */
export default async function ReportingPage({ params, searchParams }: PageProps<"/[locale]/reporting">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/reporting` } }, locale });
  const t = await getTranslations("reporting.due");
  const ts = await getTranslations("reporting.status");
  const organizations = submittingOrganizations(viewer);
  if (organizations.length === 0) {
    return (
      <div role="alert" className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("notOrgAdmin")}</p>
      </div>
    );
  }
  const query = await searchParams;
  const organizationId = organizations.find((o) => o === query.org) ?? organizations[0]!;
  const currentYear = Number(almatyDate(new Date()).slice(0, 4));
  const requested = Number(query.year);
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : currentYear;
  const [orgs, forms] = await Promise.all([submittingOrganizationNames(viewer), formsDueFor(organizationId, year)]);
  const org = orgs.find((o) => o.id === organizationId)!;
  const link = (changes: Record<string, string | number>) => {
    const q = new URLSearchParams({ year: String(year), ...(organizations.length > 1 ? { org: organizationId } : {}) });
    for (const [k, v] of Object.entries(changes)) q.set(k, String(v));
    return `/reporting?${q.toString()}`;
  };
  const counts = { due: 0, overdue: 0, done: 0 };
  for (const f of forms) for (const p of f.periods) counts[p.state]++;
  const stateBadge = (p: DuePeriod) => {
    const cls =
      p.state === "overdue"
        ? "bg-red-100 text-red-800"
        : p.state === "due"
          ? "bg-amber-100 text-amber-900"
          : "bg-green-100 text-green-800";
    return (
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${cls}`} data-state={p.state}>
        {p.state === "due" ? t("dueIn", { days: Math.max(p.daysLeft, 0) }) : t(`state.${p.state}`)}
      </span>
    );
  };
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="reporting-org">
            {localName(org, locale)}
          </p>
        </div>
        <nav aria-label={t("year")} className="ml-auto flex items-center gap-2 text-sm">
          <Link href={link({ year: year - 1 })} rel="prev">
            ← {year - 1}
          </Link>
          <span className="rounded bg-white px-3 py-1 font-semibold shadow-sm" aria-current="page">
            {year}
          </span>
          <Link href={link({ year: year + 1 })} rel="next">
            {year + 1} →
          </Link>
        </nav>
      </div>
      {orgs.length > 1 && (
        <ul className="flex flex-wrap gap-2 text-sm">
          {orgs.map((o) => (
            <li key={o.id}>
              <Link href={link({ org: o.id })} aria-current={o.id === organizationId ? "page" : undefined}>
                {localName(o, locale)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-700" data-testid="due-summary">
        {t("summary", counts)}
      </p>
      {forms.length === 0 && <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("none", { year })}</p>}
      {forms.map((f) => (
        <section key={f.id} className="rounded-lg bg-white p-4 shadow-sm" data-form={f.code}>
          <h2 className="mb-2 font-semibold">
            <span className="font-mono">{f.code}</span> — {localName(f, locale)}
            {f.adHoc && (
              <span className="ml-2 rounded bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900">{t("adHoc")}</span>
            )}
          </h2>
          {f.periods.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noPeriods")}</p>
          ) : (
            <Table
              look="plain"
              caption={f.code}
              frameClassName="relative overflow-x-auto"
              columns={[t("period"), t("deadline"), t("statusColumn"), { label: t("open"), hiddenLabel: true }]}
              rows={f.periods}
            >
              {(p) => (
                <tr key={p.id} className="border-t border-slate-100 align-top" data-period={p.label}>
                  <td className="py-2 pr-3 font-medium">{p.label}</td>
                  <td className="py-2 pr-3">
                    <DeadlineNote dueDate={p.dueDate} locale={locale} compact />
                  </td>
                  <td className="space-x-1 py-2 pr-3">
                    {stateBadge(p)}
                    <span className="text-slate-700">{ts(p.submission?.status ?? "NONE")}</span>
                    {p.submission?.submittedAt && (
                      <span className="text-xs text-slate-500">{formatDateTime(p.submission.submittedAt, locale)}</span>
                    )}
                    {p.submission?.late && (
                      <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">
                        {t("late")}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-3 text-right">
                    <Link
                      href={`/reporting/${p.id}${organizations.length > 1 ? `?org=${organizationId}` : ""}`}
                      className="whitespace-nowrap"
                    >
                      {p.state === "done" ? t("open") : p.submission ? t("continue") : t("fill")}
                    </Link>
                  </td>
                </tr>
              )}
            </Table>
          )}
        </section>
      ))}
    </div>
  );
}
