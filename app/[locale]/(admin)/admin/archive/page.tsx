import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { catalogue } from "@/lib/archive/service";
import { fileFormAction } from "@/lib/archive/actions";
import { ARCHIVE_SECTIONS } from "@/lib/archive/sections";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField } from "@/components/forms/fields-client";

/** The archive catalogue (R27): the 15 sections, the forms filed under each, their periods (closed = read-only). */
export default async function ArchivePage({ params }: PageProps<"/[locale]/admin/archive">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("archive.read");
  const manage = scopeOf(viewer, "archive.manage") !== null;
  const t = await getTranslations("archive");
  const { sections, unfiled } = await catalogue(viewer);
  const allForms = [...sections.flatMap((s) => s.forms), ...unfiled];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("catalogue.title")}
        description={t("catalogue.description")}
        actions={
          manage ? (
            <Link href="/admin/archive/backups" className="text-sm">
              {t("backups.title")}
            </Link>
          ) : undefined
        }
      />
      <ol className="grid gap-3 md:grid-cols-2" data-testid="archive-sections">
        {sections.map((s, i) => (
          <li key={s.key} className="rounded-lg bg-white p-4 shadow-sm" data-testid={`section-${s.key}`}>
            <h2 className="font-semibold">
              {i + 1}. {t(`sections.${s.key}`)}
            </h2>
            {s.forms.length === 0 ? (
              <p className="text-sm text-slate-500">{t("catalogue.noForms")}</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {s.forms.map((f) => (
                  <li key={f.code}>
                    <span className="font-mono">{f.code}</span> {localName(f, locale)}
                    <ul className="ml-4 text-slate-600">
                      {f.periods.map((p) => (
                        <li key={p.id}>
                          <Link href={`/admin/reporting/reports?period=${p.id}`}>
                            {p.year} · {p.label}
                          </Link>{" "}
                          — {p.closed ? t("catalogue.archived") : t("catalogue.open")}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {unfiled.length > 0 && (
        <p className="text-sm text-slate-600">
          {t("catalogue.unfiled", { codes: unfiled.map((f) => f.code).join(", ") })}
        </p>
      )}
      {manage && allForms.length > 0 && (
        <section aria-labelledby="file-form" className="max-w-xl">
          <h2 id="file-form" className="mb-2 text-lg font-semibold">
            {t("catalogue.file")}
          </h2>
          <ActionForm
            action={fileFormAction}
            submitLabel={t("catalogue.file")}
            className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
          >
            <SelectField
              name="formCode"
              label={t("catalogue.form")}
              required
              options={allForms.map((f) => ({ value: f.code, label: `${f.code} — ${localName(f, locale)}` }))}
            />
            <SelectField
              name="section"
              label={t("catalogue.section")}
              required
              options={ARCHIVE_SECTIONS.map((k, i) => ({ value: k, label: `${i + 1}. ${t(`sections.${k}`)}` }))}
            />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
