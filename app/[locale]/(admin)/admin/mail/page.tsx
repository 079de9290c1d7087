import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { listMail, mailMode } from "@/lib/mail/admin";
import { pageCount, parsePage } from "@/lib/data-table/params";
import { formatDateTime } from "@/lib/time";
import { PageHeader } from "@/components/admin/page-header";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";

export const dynamic = "force-dynamic";

const TONE: Record<string, BadgeTone> = { QUEUED: "info", SENT: "success", STORED: "muted", FAILED: "danger" };

/** The outbox: every mail with its state; on the demo (no SMTP server) the only place mail can be read. */
export default async function MailPage({ params, searchParams }: PageProps<"/[locale]/admin/mail">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("mail.read");
  const page = parsePage(await searchParams);
  const t = await getTranslations("mail.admin");
  const { rows, total, size } = await listMail(viewer, { page });
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("lead")} />
      <p className="text-sm text-slate-700" data-testid="mail-mode">
        {t(`transport.${mailMode()}`)}
      </p>
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        tabIndex={0}
        role="region"
        aria-label={t("title")}
      >
        <Table
          frameClassName=""
          caption={t("title")}
          testId="mail"
          columns={[t("created"), t("to"), t("subject"), t("status"), { label: t("attempts"), numeric: true }]}
          rows={rows}
          empty={t("empty")}
        >
          {(m) => (
            <tr key={m.id} className="border-t border-slate-100 align-top" data-testid={`mail-${m.id}`} data-to={m.to}>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(m.createdAt, locale)}</td>
              <td className="px-3 py-2 break-all">{m.to}</td>
              <td className="px-3 py-2">
                <Link href={`/admin/mail/${m.id}`}>{m.subject}</Link>
                {m.lastError && <div className="text-xs break-words text-red-800">{m.lastError}</div>}
              </td>
              <td className="px-3 py-2">
                <StatusBadge tone={TONE[m.status] ?? "muted"} label={t(`statuses.${m.status}`)} status={m.status} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{m.attempts}</td>
            </tr>
          )}
        </Table>
      </div>
      <Pager path="/admin/mail" page={page} pages={pageCount(total, size)} total={total} labels={await pagerLabels()} />
    </div>
  );
}
