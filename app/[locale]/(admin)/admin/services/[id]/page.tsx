import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { formatDate, formatDateTime } from "@/lib/time";
import { localName } from "@/lib/names";
import { applicationForStaff } from "@/lib/services/applications";
import { isOverdue, OPEN_STATUSES } from "@/lib/services/rules";
import {
  acceptFirstGradeAction,
  acceptTransferAction,
  offerPlaceAction,
  refuseApplicationAction,
  releaseTransferAction,
  requestInformationAction,
  startReviewAction,
} from "@/lib/services/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import { StatusBadge } from "@/components/services/status-badge";
import { ClassChoiceForm } from "@/components/services/class-choice-form";

export const dynamic = "force-dynamic";

/** One application for staff: the child, the timeline, and the decisions open at its status. */
export default async function ApplicationPage({ params }: PageProps<"/[locale]/admin/services/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("services.process");
  const t = await getTranslations("services");
  const { application: a, classes, kindergartens, sides } = await applicationForStaff(viewer, id);
  const open = (OPEN_STATUSES as readonly string[]).includes(a.status);
  // Who decides now: a transfer's school left before the release, its school joined after; the district's
  // staff for the preschool queue (an offered place waits for the parent); the school applied to otherwise.
  const sourceStep =
    a.kind !== "TRANSFER" || (sides.source && ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"].includes(a.status));
  const targetStep = a.kind === "TRANSFER" && sides.target && a.status === "RELEASED";
  const mayDecide = a.kind === "TRANSFER" ? sourceStep || targetStep : true;
  const preferred = new Set(a.preferredOrganizationIds);
  const kgName = new Map(kindergartens.map((k) => [k.id, localName(k, locale)]));
  const late = isOverdue(a, new Date());
  const ref = (
    <>
      <input type="hidden" name="applicationId" value={a.id} />
      <input type="hidden" name="version" value={a.version} />
    </>
  );
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/services">{t("review.back")}</Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t(`catalogue.${a.kind}.name`)}</h1>
        <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
        {late && <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs text-white">{t("queue.overdueMark")}</span>}
      </div>
      <dl className="grid grid-cols-[12rem_1fr] gap-2 rounded-lg bg-white p-4 text-sm shadow-sm">
        <dt className="font-medium">{t("queue.child")}</dt>
        <dd data-testid="review-child">
          {[a.childLastName, a.childFirstName, a.childMiddleName].filter(Boolean).join(" ")}
        </dd>
        <dt className="font-medium">{t("review.childIin")}</dt>
        <dd className="font-mono">{a.childIin}</dd>
        <dt className="font-medium">{t("review.birthDate")}</dt>
        <dd>{a.childBirthDate.toISOString().slice(0, 10)}</dd>
        <dt className="font-medium">{t("review.applicant")}</dt>
        <dd>{a.applicant.displayName}</dd>
        <dt className="font-medium">{t(a.kind === "TRANSFER" ? "review.schoolLeft" : "queue.school")}</dt>
        <dd>{localName(a.organization, locale)}</dd>
        {a.kind === "TRANSFER" && a.targetOrganization && (
          <>
            <dt className="font-medium">{t("review.schoolJoined")}</dt>
            <dd data-testid="review-target">
              {localName(a.targetOrganization, locale)}
              {a.targetGrade ? ` · ${t("my.targetGrade", { grade: a.targetGrade })}` : ""}
            </dd>
          </>
        )}
        {a.kind === "TRANSFER" && a.note && (
          <>
            <dt className="font-medium">{t("transfer.note")}</dt>
            <dd>{a.note}</dd>
          </>
        )}
        {a.kind === "PRESCHOOL" && (
          <>
            <dt className="font-medium">{t("preschool.district")}</dt>
            <dd>{a.territory ? localName(a.territory, locale) : ""}</dd>
            <dt className="font-medium">{t("preschool.priority")}</dt>
            <dd>{t(`preschool.priorities.${a.priority === 1 ? 1 : 0}`)}</dd>
            {a.queuePosition !== null && (
              <>
                <dt className="font-medium">{t("districtQueue.position")}</dt>
                <dd data-testid="review-position">{a.queuePosition}</dd>
              </>
            )}
            <dt className="font-medium">{t("preschool.preferredList")}</dt>
            <dd>{a.preferredOrganizationIds.map((k) => kgName.get(k) ?? k).join("; ") || "—"}</dd>
            {a.targetOrganization && (
              <>
                <dt className="font-medium">{t("review.kindergarten")}</dt>
                <dd>
                  {localName(a.targetOrganization, locale)}
                  {a.status === "OFFERED" && a.offerExpiresAt
                    ? ` · ${t("my.answerBy", { date: formatDateTime(a.offerExpiresAt, locale) })}`
                    : ""}
                </dd>
              </>
            )}
          </>
        )}
        {a.admissionYear && (
          <>
            <dt className="font-medium">{t("firstGrade.admissionYear")}</dt>
            <dd>{a.admissionYear}</dd>
          </>
        )}
        <dt className="font-medium">{t("queue.submitted")}</dt>
        <dd>{formatDateTime(a.createdAt, locale)}</dd>
        <dt className="font-medium">{t("queue.due")}</dt>
        <dd>{formatDate(a.dueAt, locale)}</dd>
        {a.reason && (
          <>
            <dt className="font-medium">{t("review.reason")}</dt>
            <dd>{a.reason}</dd>
          </>
        )}
      </dl>
      <section className="rounded-lg bg-white p-4 text-sm shadow-sm">
        <h2 className="mb-2 font-semibold">{t("my.timeline")}</h2>
        <ol className="space-y-1 border-l border-slate-200 pl-3" data-testid="timeline">
          {a.events.map((e, i) => (
            <li key={i}>
              <span className="font-mono text-xs text-slate-500">{formatDateTime(e.at, locale)}</span>{" "}
              {t(`status.${e.status}`)}
              {e.note ? ` — ${e.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
      {!open ? (
        <p className="text-slate-600">{t("review.closed")}</p>
      ) : !mayDecide ? (
        <p className="text-slate-600" data-testid="waiting-other">
          {t(a.status === "RELEASED" ? "review.waitingJoined" : "review.waitingLeft")}
        </p>
      ) : (
        <div className="space-y-4">
          {a.status === "SUBMITTED" && a.kind !== "PRESCHOOL" && sourceStep && (
            <ActionForm
              action={startReviewAction}
              submitLabel={t("review.start")}
              variant="secondary"
              testId="start-review"
            >
              {ref}
              <FormErrors names={["version", "status"]} />
            </ActionForm>
          )}
          {a.kind === "FIRST_GRADE" && (
            <ClassChoiceForm
              action={acceptFirstGradeAction}
              classes={classes}
              noClasses={t("review.noClasses")}
              setUp={
                scopeOf(viewer, "diary.manage") ? { href: "/admin/diary", label: t("review.toDiarySetup") } : undefined
              }
              submitLabel={t("review.accept")}
              classLabel={t("review.class")}
              testId="accept-form"
              hidden={ref}
            />
          )}
          {a.kind === "TRANSFER" && sourceStep && (
            <ActionForm
              action={releaseTransferAction}
              submitLabel={t("review.release")}
              testId="release-form"
              className="rounded-lg bg-white p-4 shadow-sm"
            >
              {ref}
              <p className="text-sm text-slate-700">{t("review.releaseHint")}</p>
              <FormErrors names={["version", "status"]} />
            </ActionForm>
          )}
          {targetStep && (
            <ClassChoiceForm
              action={acceptTransferAction}
              classes={classes}
              noClasses={t("review.noTransferClasses")}
              submitLabel={t("review.acceptTransfer")}
              classLabel={t("review.transferClass")}
              testId="accept-transfer-form"
              hidden={ref}
            />
          )}
          {a.kind === "PRESCHOOL" && a.status === "OFFERED" && (
            <p className="text-sm text-slate-700">{t("review.waitingParent")}</p>
          )}
          {a.kind === "PRESCHOOL" && (a.status === "SUBMITTED" || a.status === "DECLINED") && (
            <section className="rounded-lg bg-white p-4 shadow-sm">
              <ActionForm
                action={offerPlaceAction}
                submitLabel={t("review.offer")}
                testId="offer-form"
                className="flex flex-wrap items-end gap-3"
              >
                {ref}
                <SelectField
                  name="organizationId"
                  label={t("review.kindergarten")}
                  required
                  options={[...kindergartens]
                    .sort((x, y) => Number(preferred.has(y.id)) - Number(preferred.has(x.id)))
                    .map((k) => ({ value: k.id, label: `${localName(k, locale)}${preferred.has(k.id) ? " ★" : ""}` }))}
                />
                <FormErrors names={["version", "status"]} />
              </ActionForm>
            </section>
          )}
          <section className="grid gap-4 sm:grid-cols-2">
            {a.status !== "NEEDS_INFO" && a.kind !== "PRESCHOOL" && sourceStep && (
              <ActionForm
                action={requestInformationAction}
                submitLabel={t("review.requestInfo")}
                variant="secondary"
                testId="request-info-form"
                className="space-y-2 rounded-lg bg-white p-4 shadow-sm"
              >
                {ref}
                <TextField name="reason" label={t("review.reason")} required maxLength={1000} />
              </ActionForm>
            )}
            <ActionForm
              action={refuseApplicationAction}
              submitLabel={t("review.refuse")}
              variant="danger"
              testId="refuse-form"
              className="space-y-2 rounded-lg bg-white p-4 shadow-sm"
            >
              {ref}
              <TextField name="reason" label={t("review.reason")} required maxLength={1000} />
            </ActionForm>
          </section>
        </div>
      )}
    </div>
  );
}
