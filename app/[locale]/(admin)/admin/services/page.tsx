import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { pageCount, parseListParams } from "@/lib/data-table/params";
import { formatDate } from "@/lib/time";
import { localName } from "@/lib/names";
import { staffQueue } from "@/lib/services/applications";
import { isOverdue } from "@/lib/services/rules";
import type { ApplicationStatus, ServiceKind } from "@/lib/generated/prisma/enums";
import { PageHeader } from "@/components/admin/page-header";
import { FilterBar } from "@/components/admin/filter-bar";
import { StatusBadge } from "@/components/services/status-badge";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { QueueTable } from "@/components/services/queue-table";

const QUEUE_COLUMNS = ["service", "child", "applicant", "school", "submitted", "due", "filterStatus"] as const;

export const dynamic = "force-dynamic";

const STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "NEEDS_INFO",
  "RELEASED",
  "OFFERED",
  "DECLINED",
  "APPROVED",
  "REFUSED",
  "ISSUED",
] as const;
const KINDS = ["FIRST_GRADE", "TRANSFER", "PRESCHOOL", "STUDY_CERTIFICATE"] as const;

/** Staff queue of applications to organisations in the viewer's scope, with overdue marking. */
export default async function ServicesQueuePage({ params, searchParams }: PageProps<"/[locale]/admin/services">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("services.process");
  const t = await getTranslations("services");
  const tc = await getTranslations("common");
  const list = parseListParams(await searchParams, {
    sortable: ["dueAt"] as const,
    defaultSort: "dueAt",
    filters: ["status", "kind", "overdue"],
  });
  const status =
    list.filters.status === "OPEN" || (STATUSES as readonly string[]).includes(list.filters.status ?? "")
      ? (list.filters.status as ApplicationStatus | "OPEN")
      : undefined;
  const kind = (KINDS as readonly string[]).includes(list.filters.kind ?? "")
    ? (list.filters.kind as ServiceKind)
    : undefined;
  const overdue = list.filters.overdue === "1";
  const now = new Date();
  const page = await staffQueue(
    viewer,
    { page: list.page, pageSize: list.pageSize, status, kind, overdue, q: list.q },
    now,
  );
  const pages = pageCount(page.total, page.pageSize);
  const query = {
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(overdue ? { overdue: "1" } : {}),
    ...(list.q ? { q: list.q } : {}),
  };
  return (
    <div>
      <PageHeader title={t("queue.title")} description={tc("pagination.total", { total: page.total })} />
      <p className="mb-3 text-sm">
        <Link href="/admin/services/preschool" data-testid="preschool-queue-link">
          {t("districtQueue.title")}
        </Link>
      </p>
      <FilterBar
        q={list.q}
        searchLabel={t("queue.child")}
        selects={[
          {
            name: "status",
            label: t("queue.filterStatus"),
            value: status ?? "",
            options: [
              { value: "OPEN", label: t("queue.open") },
              ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ],
          },
          {
            name: "kind",
            label: t("queue.service"),
            value: kind ?? "",
            options: KINDS.map((k) => ({ value: k, label: t(`catalogue.${k}.name`) })),
          },
          {
            name: "overdue",
            label: t("queue.overdue"),
            value: overdue ? "1" : "",
            options: [{ value: "1", label: tc("yes") }],
          },
        ]}
      />
      <QueueTable
        empty={t("queue.empty")}
        testId="services-queue"
        columns={[...QUEUE_COLUMNS.map((c) => t(`queue.${c}`)), ""]}
        rows={page.rows}
      >
        {(a) => {
          const late = isOverdue(a, now);
          return (
            <tr
              key={a.id}
              data-id={a.id}
              data-overdue={late ? "1" : "0"}
              className={`border-b border-slate-100 ${late ? "bg-red-50" : ""}`}
            >
              <td className="p-2">{t(`catalogue.${a.kind}.name`)}</td>
              <td className="p-2">{[a.childLastName, a.childFirstName].join(" ")}</td>
              <td className="p-2">{a.applicant.displayName}</td>
              <td className="p-2">
                {localName(a.organization, locale)}
                {a.kind === "TRANSFER" && a.targetOrganization ? ` → ${localName(a.targetOrganization, locale)}` : ""}
              </td>
              <td className="p-2 font-mono text-xs">{formatDate(a.createdAt, locale)}</td>
              <td className="p-2 font-mono text-xs">
                {formatDate(a.dueAt, locale)}
                {late && (
                  <span
                    className="ml-2 rounded bg-red-700 px-1.5 py-0.5 font-sans text-xs text-white"
                    data-testid="overdue"
                  >
                    {t("queue.overdueMark")}
                  </span>
                )}
              </td>
              <td className="p-2">
                <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
              </td>
              <td className="p-2">
                <Link href={`/admin/services/${a.id}`} data-testid="open-application">
                  {t("queue.view")}
                </Link>
              </td>
            </tr>
          );
        }}
      </QueueTable>
      <Pager
        path="/admin/services"
        query={query}
        page={page.page}
        pages={pages}
        labels={await pagerLabels()}
        className="mt-3"
      />
    </div>
  );
}
