import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { listMappings } from "@/lib/reporting/prefill";
import { ALL_MEASURES, PREFILL_SOURCES } from "@/lib/reporting/prefill-rules";
import { deleteMappingAction, saveMappingAction } from "@/lib/reporting/actions-prefill";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";

export const dynamic = "force-dynamic";

/**
 * The ministry's prefill mappings: which cell of which form (by code) is filled from the personnel registry
 * or the organisation passport, with the query's measure and parameters; add, replace and remove.
 */
export default async function PrefillMappingsPage({ params }: PageProps<"/[locale]/admin/reporting/prefill">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("reporting.design");
  const t = await getTranslations("reporting.prefill");
  const mappings = await listMappings(viewer);
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <section aria-labelledby="mappings-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="mappings-title" className="mb-2 text-lg font-semibold">
          {t("admin.listTitle")}
        </h2>
        {mappings.length === 0 ? (
          <p className="text-slate-600">{t("admin.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="prefill-mappings">
            {mappings.map((m) => (
              <li
                key={m.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2"
                data-cell={`${m.formCode}:${m.cellKey}`}
              >
                <span className="font-mono break-all">
                  {m.formCode} · {m.cellKey}
                </span>
                <span>
                  {t(`source.${m.source}`)}: <span className="font-mono">{m.measure}</span>
                </span>
                <span className="min-w-0 font-mono text-xs break-all text-slate-600">{JSON.stringify(m.params)}</span>
                <ActionForm
                  action={deleteMappingAction}
                  submitLabel={t("admin.delete")}
                  variant="secondary"
                  testId="delete-mapping"
                >
                  <input type="hidden" name="id" value={m.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mapping-new" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="mapping-new" className="text-lg font-semibold">
          {t("admin.newTitle")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("admin.hint")}</p>
        <ActionForm action={saveMappingAction} submitLabel={t("admin.save")} testId="mapping-form">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="formCode" label={t("admin.formCode")} required maxLength={24} />
            <TextField name="cellKey" label={t("admin.cellKey")} required maxLength={100} />
            <SelectField
              name="source"
              label={t("admin.source")}
              required
              options={PREFILL_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            />
            <SelectField
              name="measure"
              label={t("admin.measure")}
              required
              options={ALL_MEASURES.map((m) => ({
                value: m.measure,
                label: `${m.measure} (${t(`source.${m.source}`)})`,
              }))}
            />
          </div>
          <TextField name="params" label={t("admin.params")} hint={t("admin.paramsHint")} maxLength={2000} />
          <FormErrors names={["_form"]} />
        </ActionForm>
      </section>
    </div>
  );
}
