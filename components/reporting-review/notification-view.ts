import type { Notification } from "@/lib/generated/prisma/client";
import { localName } from "@/lib/names";

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
type Payload = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const REVIEW_KINDS = new Set(["reporting.submitted", "reporting.correction"]);

/**
 * How a notification reads (in the `reporting-review` messages) and where it leads. Kinds without a
 * message of their own show a generic line, so other modules may add kinds freely.
 */
export function notificationView(
  n: Notification,
  locale: string,
  t: Translate,
  formatDate: (d: Date) => string,
): { text: string; detail: string | null; href: string | null } {
  const p = (n.payload ?? {}) as Payload;
  const org = p.organizationNameKk
    ? localName(
        { nameKk: str(p.organizationNameKk), nameRu: str(p.organizationNameRu), nameEn: str(p.organizationNameEn) },
        locale,
      )
    : "";
  const form = p.formNameKk
    ? localName({ nameKk: str(p.formNameKk), nameRu: str(p.formNameRu), nameEn: str(p.formNameEn) }, locale)
    : "";
  const level = ["DISTRICT", "REGION", "MINISTRY"].includes(str(p.level || p.approvedBy))
    ? t(`levels.${str(p.level || p.approvedBy)}`)
    : "";
  const values = {
    form: str(p.formCode),
    formName: form,
    period: str(p.periodLabel),
    organization: org,
    level,
    deadline: p.deadlineAt ? formatDate(new Date(str(p.deadlineAt))) : "",
    count: typeof p.count === "number" ? p.count : 0,
    revision: str(p.revision),
    // services.queue_moved: the preschool queue position before and after
    from: str(p.from),
    to: str(p.to),
  };
  const key = `notifications.kinds.${n.kind}`;
  const text = t.has(key) ? t(key, values) : t("notifications.kinds.other", { kind: n.kind });
  let detail: string | null = null;
  if (typeof p.reason === "string" && p.reason) detail = t("notifications.reason", { reason: p.reason });
  if (n.kind === "reporting.overdueList" && Array.isArray(p.organizations)) {
    const names = (p.organizations as { nameKk: string; nameRu: string; nameEn: string }[]).map((o) =>
      localName(o, locale),
    );
    detail = names.join("; ") + (values.count > names.length ? ` … (+${values.count - names.length})` : "");
  }
  let href: string | null = null;
  const submissionId = str(p.submissionId);
  const periodId = str(p.periodId);
  if ((n.kind === "services.new" || n.kind === "services.transferred") && str(p.applicationId))
    href = `/admin/services/${encodeURIComponent(str(p.applicationId))}`;
  else if (n.kind.startsWith("services.")) href = "/account/services";
  else if (n.kind.startsWith("diary.")) href = "/diary";
  else if (n.kind === "reporting.overdueList" && periodId)
    href = `/admin/reporting/board?period=${encodeURIComponent(periodId)}&state=overdue`;
  else if (REVIEW_KINDS.has(n.kind) && submissionId)
    href = `/admin/reporting/submissions/${encodeURIComponent(submissionId)}`;
  else if (n.kind.startsWith("reporting.") && periodId) href = `/reporting/${encodeURIComponent(periodId)}`;
  else if (submissionId) href = `/admin/reporting/submissions/${encodeURIComponent(submissionId)}`;
  return { text, detail, href };
}
