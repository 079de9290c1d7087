import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/names";
import { chosenSchool } from "@/lib/diary/setup";
import { loadTimetable, MAX_PERIODS } from "@/lib/diary/timetable";
import { generateLessonsAction, saveTimetableAction } from "@/lib/diary/actions";
import { PageHeader } from "@/components/admin/page-header";
import { Notice } from "@/components/ui/notice";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField } from "@/components/forms/fields-client";

/** A class's weekly timetable and the generation of a term's lessons from it. */
export default async function TimetablePage({ params, searchParams }: PageProps<"/[locale]/admin/diary/timetable">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("diary.timetable");
  const te = await getTranslations("errors");
  const viewer = await getViewer();
  const query = await searchParams;
  const classId = typeof query.class === "string" ? query.class : "";
  if (!viewer || !chosenSchool(viewer, null)) {
    return <Notice>{(await getTranslations("diary.setup"))("notSchoolAdmin")}</Notice>;
  }
  let data: Awaited<ReturnType<typeof loadTimetable>>;
  try {
    data = await loadTimetable(viewer, classId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <Notice>{te("diary.classUnknown")}</Notice>;
  }
  const days = [1, 2, 3, 4, 5, 6] as const;
  const periods = Array.from({ length: MAX_PERIODS }, (_, i) => i + 1);
  const options = data.subjects.map((s) => ({ value: s.id, label: localName(s, locale) }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title", { name: `${data.classGroup.grade} ${data.classGroup.letter}` })}
        description={data.classGroup.year}
        actions={
          <Link href="/admin/diary" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
            {t("back")}
          </Link>
        }
      />
      {options.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("noSubjects")}</p>
      ) : (
        <ActionForm
          action={saveTimetableAction}
          submitLabel={t("save")}
          className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
        >
          <input type="hidden" name="classGroupId" value={data.classGroup.id} />
          <div className="relative overflow-x-auto">
            <table className="text-sm">
              <thead>
                <tr>
                  <th scope="col" className="px-2 text-left">
                    {t("period")}
                  </th>
                  {days.map((d) => (
                    <th key={d} scope="col" className="px-2 text-left">
                      {t(`days.${d}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p}>
                    <th scope="row" className="px-2 text-left font-normal">
                      {p}
                    </th>
                    {days.map((d) => (
                      <td key={d} className="min-w-36 px-1 py-0.5">
                        <SelectField
                          name={`slot.${d}.${p}`}
                          label={`${t(`days.${d}`)}, ${p}`}
                          options={options}
                          placeholder="—"
                          defaultValue={data.slots[`${d}.${p}`] ?? ""}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ActionForm>
      )}
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-1 font-semibold">{t("generateTitle")}</h2>
        <p className="mb-2 text-sm text-slate-600">{t("generateText")}</p>
        <ActionForm action={generateLessonsAction} submitLabel={t("generate")}>
          <input type="hidden" name="classGroupId" value={data.classGroup.id} />
          <SelectField
            name="termId"
            label={t("term")}
            options={data.terms.map((term) => ({
              value: term.id,
              label: `${term.number}: ${term.startDate} – ${term.endDate}`,
            }))}
          />
        </ActionForm>
      </section>
    </div>
  );
}
