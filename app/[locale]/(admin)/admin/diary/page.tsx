import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { chosenSchool, loadSetup } from "@/lib/diary/setup";
import {
  createAssignmentAction,
  createClassAction,
  createYearAction,
  importStudentsAction,
  linkGuardianAction,
  updateTermAction,
} from "@/lib/diary/actions";
import { PageHeader } from "@/components/admin/page-header";
import { Notice } from "@/components/ui/notice";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { StudentImportForm } from "@/components/diary/import-client";
import { Table } from "@/components/ui/table";
import { AttributeFields, attributeText } from "@/components/registry/attribute-fields";
import { attributeChoices, definitionsFor } from "@/lib/registry/attributes";

/** The school administrator's set-up of the e-diary: years and terms, classes, assignments, student import. */
export default async function DiarySetupPage({ params, searchParams }: PageProps<"/[locale]/admin/diary">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("diary.setup");
  const viewer = await getViewer();
  const organizationId = chosenSchool(viewer, (await searchParams).org);
  if (!viewer || !organizationId) {
    return <Notice title={t("title")}>{t("notSchoolAdmin")}</Notice>;
  }
  const setup = await loadSetup(viewer, organizationId);
  // the custom attributes of classes that apply to this school's kind
  const attributeDefs = await definitionsFor("CLASS", setup.school.kind.code);
  const attributeItems = await attributeChoices(attributeDefs);
  const ta = await getTranslations("organizations.attributes");
  const yesNo = { yes: ta("yes"), no: ta("no") };
  const attributesOf = (values: Record<string, string | number | boolean>) =>
    attributeDefs
      .filter((d) => values[d.code] !== undefined)
      .map((d) => `${localName(d, locale)}: ${attributeText(d, values[d.code], attributeItems, locale, yesNo)}`)
      .join("; ");
  const name = (x: { nameKk: string; nameRu: string; nameEn: string }) => localName(x, locale);
  const allClasses = setup.years.flatMap((y) =>
    y.classes.map((c) => ({ id: c.id, label: `${y.label}: ${c.grade} ${c.letter}` })),
  );
  const nextYear = setup.years.length ? Number(setup.years[0]!.label.slice(0, 4)) + 1 : new Date().getUTCFullYear();

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={name(setup.school)}
        actions={
          <Link href="/admin/diary/analytics" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
            {t("toAnalytics")}
          </Link>
        }
      />
      {setup.years.map((y) => (
        <section key={y.id} className="space-y-3 rounded-lg bg-white p-4 shadow-sm" data-year={y.label}>
          <h2 className="text-lg font-semibold">{t("year", { label: y.label })}</h2>
          <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
            {y.terms.map((term) => (
              <ActionForm
                key={term.id}
                action={updateTermAction}
                submitLabel={t("save")}
                variant="secondary"
                className="space-y-2 rounded border border-slate-200 p-3"
              >
                <h3 className="font-medium">{t("term", { n: term.number })}</h3>
                <input type="hidden" name="termId" value={term.id} />
                <TextField name="startDate" label={t("start")} type="date" defaultValue={term.startDate} required />
                <TextField name="endDate" label={t("end")} type="date" defaultValue={term.endDate} required />
              </ActionForm>
            ))}
          </div>
          <Table
            look="plain"
            columns={[
              t("class"),
              t("homeroom"),
              t("students"),
              t("assignments"),
              ...(attributeDefs.length ? [ta("legend")] : []),
            ]}
            rows={y.classes}
          >
            {(c) => (
              <tr key={c.id} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3 font-medium">
                  {c.grade} {c.letter}
                  <Link href={`/admin/diary/timetable?class=${c.id}`} className="ml-2 text-xs font-normal">
                    {t("timetable")}
                  </Link>
                </td>
                <td className="py-1 pr-3">{c.homeroom ?? "—"}</td>
                <td className="py-1 pr-3 tabular-nums">{c.students}</td>
                <td className="py-1 pr-3">
                  {c.assignments.map((a) => `${name(a.subject)} — ${a.teacher}`).join("; ") || "—"}
                </td>
                {attributeDefs.length > 0 && (
                  <td className="py-1 pr-3" data-testid={`class-attributes-${c.grade}${c.letter}`}>
                    {attributesOf(c.attributes) || "—"}
                  </td>
                )}
              </tr>
            )}
          </Table>
          {y.classes.length === 0 && <p className="text-sm text-slate-600">{t("noClasses")}</p>}
        </section>
      ))}
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("newYear")}</h2>
          <ActionForm action={createYearAction} submitLabel={t("create")}>
            <input type="hidden" name="organizationId" value={organizationId} />
            <TextField
              name="startYear"
              label={t("startYear")}
              type="number"
              defaultValue={String(nextYear)}
              hint={t("startYearHint")}
              required
            />
          </ActionForm>
        </section>
        {setup.years.length > 0 && (
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">{t("newClass")}</h2>
            <ActionForm action={createClassAction} submitLabel={t("create")}>
              <SelectField
                name="academicYearId"
                label={t("yearLabel")}
                options={setup.years.map((y) => ({ value: y.id, label: y.label }))}
              />
              <TextField name="grade" label={t("grade")} type="number" min={1} max={11} required />
              <TextField name="letter" label={t("letter")} maxLength={3} required />
              <SelectField
                name="languageId"
                label={t("language")}
                options={setup.languages.map((l) => ({ value: l.id, label: name(l) }))}
                placeholder="—"
              />
              <SelectField
                name="homeroomTeacherId"
                label={t("homeroom")}
                options={setup.teachers.map((u) => ({ value: u.id, label: u.displayName }))}
                placeholder="—"
              />
              <AttributeFields
                defs={attributeDefs}
                choices={attributeItems}
                values={{}}
                kindNames={new Map()}
                locale={locale}
              />
            </ActionForm>
          </section>
        )}
        {allClasses.length > 0 && (
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">{t("newAssignment")}</h2>
            <ActionForm action={createAssignmentAction} submitLabel={t("create")}>
              <SelectField
                name="classGroupId"
                label={t("class")}
                options={allClasses.map((c) => ({ value: c.id, label: c.label }))}
              />
              <SelectField
                name="subjectId"
                label={t("subject")}
                options={setup.subjects.map((s) => ({ value: s.id, label: name(s) }))}
              />
              <SelectField
                name="teacherId"
                label={t("teacher")}
                options={setup.teachers.map((u) => ({ value: u.id, label: u.displayName }))}
              />
            </ActionForm>
          </section>
        )}
        {allClasses.length > 0 && (
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">{t("importTitle")}</h2>
            <StudentImportForm action={importStudentsAction} classes={allClasses} />
          </section>
        )}
        {allClasses.length > 0 && (
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">{t("guardianTitle")}</h2>
            <ActionForm action={linkGuardianAction} submitLabel={t("link")} testId="link-guardian">
              <input type="hidden" name="organizationId" value={organizationId} />
              <TextField name="iin" label={t("studentIin")} inputMode="numeric" maxLength={12} required />
              <TextField name="login" label={t("parentLogin")} required />
              <TextField name="relation" label={t("relation")} maxLength={40} />
            </ActionForm>
          </section>
        )}
      </div>
    </div>
  );
}
