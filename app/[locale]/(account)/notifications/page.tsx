import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { pageCount, parseListParams } from "@/lib/data-table/params";
import { formatDate, formatDateTime } from "@/lib/time";
import { listNotifications, unreadCount } from "@/lib/notifications/notifications";
import { ActionForm } from "@/components/forms/action-form-client";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { runtimeKeys } from "@/i18n/keys";
import { renderNotification } from "@/lib/notifications/registry";
import { kindCode } from "@/lib/notifications/kinds";

export const dynamic = "force-dynamic";

/** The signed-in person's notifications, newest first, with "mark as read". */
export default async function NotificationsPage({ params, searchParams }: PageProps<"/[locale]/notifications">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/notifications` } }, locale });
  const t = await getTranslations("reporting-review");
  const list = parseListParams(await searchParams, {
    sortable: ["createdAt"] as const,
    defaultSort: "createdAt",
    filters: ["unread"],
  });
  const unreadOnly = list.filters.unread === "1";
  const [page, unread] = await Promise.all([
    listNotifications(viewer.userId, { page: list.page, pageSize: list.pageSize, unreadOnly }),
    unreadCount(viewer.userId),
  ]);
  const pages = pageCount(page.total, page.pageSize);
  return (
    <div className="max-w-3xl">
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="unread-count">
            {t("notifications.unread", { count: unread })}
          </p>
        </div>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href={{ pathname: "/notifications", query: unreadOnly ? {} : { unread: "1" } }}>
            {unreadOnly ? t("notifications.showAll") : t("notifications.showUnread")}
          </Link>
          {unread > 0 && (
            <ActionForm
              action={markNotificationsReadAction}
              submitLabel={t("notifications.markAll")}
              variant="secondary"
              className="flex items-center gap-2"
              testId="mark-all-read"
            />
          )}
        </div>
      </div>
      {page.rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("notifications.empty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="notifications">
          {page.rows.map((n) => {
            const view = renderNotification(n, { locale, t: runtimeKeys(t), formatDate: (d) => formatDate(d, locale) });
            return (
              <li
                key={n.id}
                data-kind={kindCode(n.kind)}
                data-read={n.readAt ? "1" : "0"}
                className={`flex flex-wrap items-start gap-3 rounded-lg border p-3 ${n.readAt ? "border-slate-200 bg-white" : "border-brand-600 bg-brand-50"}`}
              >
                <div className="min-w-0 flex-1">
                  <p className="text-sm">
                    {!n.readAt && (
                      <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-medium text-white">
                        {t("notifications.new")}
                      </span>
                    )}
                    {view.href ? <Link href={view.href}>{view.text}</Link> : view.text}
                  </p>
                  {view.detail && <p className="mt-1 text-sm text-slate-700">{view.detail}</p>}
                  <p className="mt-1 font-mono text-xs text-slate-500">{formatDateTime(n.createdAt, locale)}</p>
                </div>
                {!n.readAt && (
                  <ActionForm
                    action={markNotificationsReadAction}
                    submitLabel={t("notifications.markRead")}
                    variant="secondary"
                    className="shrink-0"
                    testId="mark-read"
                  >
                    <input type="hidden" name="id" value={n.id} />
                  </ActionForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pager
        path="/notifications"
        query={unreadOnly ? { unread: "1" } : {}}
        page={page.page}
        pages={pages}
        labels={{
          ...(await pagerLabels()),
          label: t("notifications.pages"),
          previous: `← ${t("notifications.newer")}`,
          next: `${t("notifications.older")} →`,
        }}
        className="mt-4"
      />
    </div>
  );
}
