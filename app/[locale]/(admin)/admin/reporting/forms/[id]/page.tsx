import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { classifierList } from "@/lib/classifiers/queries";
import { localName } from "@/lib/names";
import { definitionSchema } from "@/lib/reporting/definition";
import { getFormDesign } from "@/lib/reporting/forms";
import { updateFormAction } from "@/lib/reporting/actions-design";
import { PageHeader } from "@/components/admin/page-header";
import { DesignerClient } from "@/components/reporting/designer-client";
import { FormSettingsForm } from "@/components/reporting/designer-settings-form";
import { PeriodsPanel } from "@/components/reporting/designer-periods";

const TABS = ["design", "settings", "periods"] as const;

/** A form: its structure in the designer (per version), its settings, and its reporting periods. */
export default async function FormPage({ params, searchParams }: PageProps<"/[locale]/admin/reporting/forms/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await authorize("reporting.design");
  const form = await getFormDesign(id);
  if (!form) notFound();
  const t = await getTranslations("reporting.forms");
  const td = await getTranslations("reporting.designer");
  const query = await searchParams;
  const tab = TABS.find((x) => x === query.tab) ?? "design";
  const newest = form.versions.at(-1)!;
  const selected = form.versions.find((v) => String(v.number) === query.version) ?? newest;
  const isNewest = selected.id === newest.id;
  const classifiers = tab === "design" ? await classifierList() : [];
  const tabLink = (x: (typeof TABS)[number]) => `/admin/reporting/forms/${form.id}?tab=${x}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${form.code} — ${localName(form, locale)}`}
        description={t("inList", { year: form.formList.year })}
        link={{
          href: `/admin/reporting/lists/${form.formListId}`,
          label: t("backToList", { year: form.formList.year }),
        }}
      />
      <nav aria-label={t("tabs")} className="flex gap-1 border-b border-slate-200">
        {TABS.map((x) => (
          <Link
            key={x}
            href={tabLink(x)}
            aria-current={tab === x ? "page" : undefined}
            className={`-mb-px rounded-t border px-4 py-2 text-sm no-underline hover:no-underline ${tab === x ? "border-slate-200 border-b-white bg-white font-semibold text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t(`tab.${x}`)}
          </Link>
        ))}
      </nav>

      {tab === "design" && (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{td("versions")}:</span>
            {form.versions.map((v) => (
              <Link
                key={v.id}
                href={`/admin/reporting/forms/${form.id}?tab=design&version=${v.number}`}
                aria-current={v.id === selected.id ? "page" : undefined}
                className={`rounded border px-2 py-0.5 no-underline hover:no-underline ${v.id === selected.id ? "border-brand-600 bg-brand-50 font-semibold" : "border-slate-300"}`}
              >
                {td("versionN", { number: v.number })}
                {v.locked ? ` · ${td("frozenBadge")}` : ""}
              </Link>
            ))}
            <span className="ml-auto flex gap-2">
              <Link
                href={`/admin/reporting/forms/${form.id}/preview?version=${selected.number}`}
                className="rounded border border-slate-300 bg-white px-2 py-1 no-underline hover:bg-slate-100 hover:no-underline"
                data-testid="preview-link"
              >
                {td("preview")}
              </Link>
              <a
                href={`/api/v1/reporting/template?form=${form.id}&version=${selected.number}&format=csv&locale=${locale}`}
                className="rounded border border-slate-300 bg-white px-2 py-1 no-underline hover:bg-slate-100 hover:no-underline"
              >
                CSV
              </a>
              <a
                href={`/api/v1/reporting/template?form=${form.id}&version=${selected.number}&format=xlsx&locale=${locale}`}
                className="rounded border border-slate-300 bg-white px-2 py-1 no-underline hover:bg-slate-100 hover:no-underline"
              >
                XLSX
              </a>
            </span>
          </div>
          {selected.submissions > 0 && (
            <p className="text-sm text-slate-600">{td("submissionsOnVersion", { count: selected.submissions })}</p>
          )}
          <DesignerClient
            key={`${selected.id}:${selected.locked}`}
            formId={form.id}
            formVersion={form.version}
            number={selected.number}
            locked={selected.locked || !isNewest}
            canCreateVersion={isNewest}
            definition={definitionSchema.parse(selected.definition)}
            classifiers={classifiers.map((c) => ({ code: c.code, label: localName(c, locale) }))}
          />
        </div>
      )}

      {tab === "settings" && (
        <FormSettingsForm
          action={updateFormAction}
          locale={locale}
          values={{ ...form, addresseeBins: form.addressees.map((a) => a.organization.bin) }}
        />
      )}

      {tab === "periods" && <PeriodsPanel formId={form.id} periods={form.periods} locale={locale} />}
    </div>
  );
}
