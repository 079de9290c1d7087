import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { mailDetail } from "@/lib/mail/admin";
import { formatDateTime } from "@/lib/time";
import { PageHeader } from "@/components/admin/page-header";
import { StatusBadge } from "@/components/ui/status-badge";

export const dynamic = "force-dynamic";

/**
 * One mail as its recipient reads it: the HTML part (framed from the route that serves it under a policy
 * where nothing runs or loads, and sandboxed here too), the plain-text part and the link it carries.
 */
export default async function MailDetailPage({ params }: PageProps<"/[locale]/admin/mail/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("mail.read");
  const m = await mailDetail(viewer, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "notFound") notFound();
    throw e;
  });
  const t = await getTranslations("mail.admin");
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={m.subject} link={{ href: "/admin/mail", label: t("back") }} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg bg-white p-4 text-sm shadow-sm">
        <dt className="font-medium">{t("to")}</dt>
        <dd className="break-all" data-testid="mail-to">
          {m.to}
        </dd>
        <dt className="font-medium">{t("created")}</dt>
        <dd>{formatDateTime(m.createdAt, locale)}</dd>
        <dt className="font-medium">{t("status")}</dt>
        <dd>
          <StatusBadge tone="muted" label={t(`statuses.${m.status}`)} status={m.status} />
        </dd>
        {m.mail.url && (
          <>
            <dt className="font-medium">{t("link")}</dt>
            <dd className="break-all">
              <a href={m.mail.url} data-testid="mail-link">
                {m.mail.url}
              </a>
            </dd>
          </>
        )}
      </dl>
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="mail-html-heading">
        <h2 id="mail-html-heading" className="mb-2 font-semibold">
          {t("html")}
        </h2>
        <iframe
          src={`/api/v1/mail/${encodeURIComponent(m.id)}/html`}
          sandbox=""
          referrerPolicy="no-referrer"
          title={t("htmlFrame", { subject: m.subject })}
          className="h-[32rem] w-full rounded border border-slate-200"
          data-testid="mail-html"
        />
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("text")}</h2>
        <pre className="text-sm break-words whitespace-pre-wrap" data-testid="mail-text">
          {m.mail.text}
        </pre>
      </section>
    </div>
  );
}
