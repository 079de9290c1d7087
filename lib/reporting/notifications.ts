/** How the reporting notifications read and where they lead. */
import { localName } from "../names";
import { NotificationKind, type ModuleKind } from "../notifications/kinds";
import { kindText, reasonDetail, str, type NotificationRenderer, type Payload } from "../notifications/render";

export type ReportingNotificationKind = ModuleKind<"reporting">;

const LEVELS = ["DISTRICT", "REGION", "MINISTRY"];

/** The workflow's notifications lead reviewers to the submission and the organisation to its period. */
const REVIEW_KINDS = new Set<NotificationKind>([
  NotificationKind.reporting_submitted,
  NotificationKind.reporting_correction,
]);

const renderReporting: NotificationRenderer = (p, kind, ctx) => {
  const { locale, t, formatDate } = ctx;
  const org = p.organizationNameKk
    ? localName(
        { nameKk: str(p.organizationNameKk), nameRu: str(p.organizationNameRu), nameEn: str(p.organizationNameEn) },
        locale,
      )
    : "";
  const form = p.formNameKk
    ? localName({ nameKk: str(p.formNameKk), nameRu: str(p.formNameRu), nameEn: str(p.formNameEn) }, locale)
    : "";
  const levelCode = str(p.level || p.approvedBy);
  const count = typeof p.count === "number" ? p.count : 0;
  const text = kindText(kind, ctx, {
    form: str(p.formCode),
    formName: form,
    period: str(p.periodLabel),
    organization: org,
    level: LEVELS.includes(levelCode) ? t(`levels.${levelCode}`) : "",
    deadline: p.deadlineAt ? formatDate(new Date(str(p.deadlineAt))) : "",
    count,
    revision: str(p.revision),
  });
  let detail = reasonDetail(p, ctx);
  if (kind === NotificationKind.reporting_overdue_list && Array.isArray(p.organizations)) {
    const names = (p.organizations as { nameKk: string; nameRu: string; nameEn: string }[]).map((o) =>
      localName(o, locale),
    );
    detail = names.join("; ") + (count > names.length ? ` … (+${count - names.length})` : "");
  }
  return { text, detail, href: reportingHref(p, kind) };
};

function reportingHref(p: Payload, kind: NotificationKind): string | null {
  const submissionId = str(p.submissionId);
  const periodId = str(p.periodId);
  if (kind === NotificationKind.reporting_overdue_list && periodId)
    return `/admin/reporting/board?period=${encodeURIComponent(periodId)}&state=overdue`;
  if (kind === NotificationKind.reporting_escalated && periodId)
    return `/admin/reporting/board?period=${encodeURIComponent(periodId)}`;
  if (REVIEW_KINDS.has(kind) && submissionId) return `/admin/reporting/submissions/${encodeURIComponent(submissionId)}`;
  if (periodId) return `/reporting/${encodeURIComponent(periodId)}`;
  if (submissionId) return `/admin/reporting/submissions/${encodeURIComponent(submissionId)}`;
  return null;
}

export const reportingRenderers: Record<ReportingNotificationKind, NotificationRenderer> = {
  reporting_submitted: renderReporting,
  reporting_approved: renderReporting,
  reporting_returned: renderReporting,
  reporting_accepted: renderReporting,
  reporting_undone: renderReporting,
  reporting_correction: renderReporting,
  reporting_reminder_d7: renderReporting,
  reporting_reminder_d1: renderReporting,
  reporting_reminder_overdue: renderReporting,
  reporting_overdue_list: renderReporting,
  reporting_escalated: renderReporting,
};
