import { getTranslations } from "next-intl/server";
import {
  applyCourseAction,
  completeApplicationAction,
  decideCourseAction,
  markAttendanceAction,
} from "@/lib/staff/actions";
import { localName } from "@/lib/names";
import { formatDate } from "@/lib/format";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, TextField } from "@/components/forms/fields-client";

type Named = { id: string; nameKk: string; nameRu: string; nameEn: string };
type CourseRun = Named & {
  hours: number;
  startsOn: Date | null;
  endsOn: Date | null;
  seats: number | null;
  audience: Named | null;
  provider: Named;
};

/** A course run's line: name, provider, hours, days. */
export async function CourseRunLine({ course, locale }: { course: CourseRun; locale: string }) {
  const t = await getTranslations("staff");
  return (
    <>
      <span className="font-medium">{localName(course, locale)}</span> — {localName(course.provider, locale)}
      <span className="block text-slate-600">
        {t("courses.hoursShort", { hours: course.hours })}
        {course.startsOn &&
          ` · ${t("applications.dates", {
            from: formatDate(course.startsOn, locale),
            to: course.endsOn ? formatDate(course.endsOn, locale) : "",
          })}`}
        {course.audience && ` · ${t("applications.forOthers", { position: localName(course.audience, locale) })}`}
      </span>
    </>
  );
}

/** The teacher's account: the course runs taking applications, and their own applications. */
export async function OwnCourseApplications({
  data,
  locale,
}: {
  data: {
    courses: (CourseRun & { left: number; applied: boolean; forOthers: boolean })[];
    applications: {
      id: string;
      status: "SUBMITTED" | "APPROVED" | "REFUSED" | "COMPLETED";
      reason: string | null;
      course: CourseRun;
      completion: { number: string } | null;
    }[];
  };
  locale: string;
}) {
  const t = await getTranslations("staff");
  return (
    <div className="space-y-4 text-sm">
      <h3 className="font-medium">{t("applications.open")}</h3>
      {data.courses.length === 0 ? (
        <p>{t("applications.none")}</p>
      ) : (
        <ul className="space-y-3" data-testid="open-courses">
          {data.courses.map((c) => (
            <li key={c.id} className="border-b border-slate-100 pb-2" data-course={c.id}>
              <CourseRunLine course={c} locale={locale} />
              <span className="block">{t("applications.left", { left: c.left, seats: c.seats ?? 0 })}</span>
              {c.applied ? (
                <span className="block text-slate-600">{t("applications.alreadyApplied")}</span>
              ) : (
                <ApplyCourseForm courseId={c.id} />
              )}
            </li>
          ))}
        </ul>
      )}
      {data.applications.length > 0 && (
        <>
          <h3 className="font-medium">{t("applications.mine")}</h3>
          <ul className="space-y-2" data-testid="own-course-applications">
            {data.applications.map((a) => (
              <li key={a.id} data-status={a.status}>
                <span className="font-medium">{localName(a.course, locale)}</span>:{" "}
                {t(`applications.statuses.${a.status}`)}
                {a.completion ? ` — ${a.completion.number}` : ""}
                {a.status === "REFUSED" && a.reason ? ` — ${a.reason}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A teacher applies for a course run. */
export async function ApplyCourseForm({ courseId }: { courseId: string }) {
  const t = await getTranslations("staff");
  return (
    <ActionForm action={applyCourseAction} submitLabel={t("applications.apply")} testId="course-apply">
      <input type="hidden" name="courseId" value={courseId} />
      <FormErrors names={["courseId"]} />
    </ActionForm>
  );
}

/** The school admin approves an application, or refuses it with a reason. */
export async function DecideCourseForms({ id }: { id: string }) {
  const t = await getTranslations("staff");
  return (
    <div className="mt-2 grid gap-3 sm:grid-cols-2">
      <ActionForm action={decideCourseAction} submitLabel={t("applications.approve")} testId="course-approve">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="approve" />
        <FormErrors names={["id", "decision"]} />
      </ActionForm>
      <ActionForm
        action={decideCourseAction}
        submitLabel={t("applications.refuse")}
        testId="course-refuse"
        variant="secondary"
      >
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="refuse" />
        <FormErrors names={["id", "decision"]} />
        <TextField name="reason" label={t("applications.reason")} required maxLength={1000} />
      </ActionForm>
    </div>
  );
}

/** The provider marks an approved applicant's attendance and completes those who attended. */
export async function ProviderApplicantForms({
  id,
  attended,
  today,
}: {
  id: string;
  attended: boolean | null;
  today: string;
}) {
  const t = await getTranslations("staff");
  return (
    <div className="mt-2 flex flex-wrap items-start gap-3">
      <ActionForm
        action={markAttendanceAction}
        submitLabel={attended === true ? t("applications.markAbsent") : t("applications.markAttended")}
        testId="course-attendance"
        variant="secondary"
      >
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="attended" value={attended === true ? "no" : "yes"} />
        <FormErrors names={["id", "attended"]} />
      </ActionForm>
      <ActionForm action={completeApplicationAction} submitLabel={t("applications.complete")} testId="course-complete">
        <input type="hidden" name="id" value={id} />
        <FormErrors names={["id"]} />
        <TextField name="completedOn" label={t("courses.completedOn")} required type="date" defaultValue={today} />
      </ActionForm>
    </div>
  );
}
