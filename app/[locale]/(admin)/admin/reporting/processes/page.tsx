import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { assignableForms, listProcesses, orgKindOptions } from "@/lib/reporting/process-admin";
import { assignProcessAction, saveProcessAction } from "@/lib/reporting/actions-process";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { ProcessForm } from "@/components/reporting/process-form";
import { ProcessDiagram } from "@/components/reporting/process-diagram";
import { ChangeHistory } from "@/components/configuration/change-history";
import { historyByItem } from "@/lib/configuration/history";

/** Reporting processes (issue 27): the approval chains as data, their assignments, and forms to change both. */
export default async function ProcessesPage({ params }: PageProps<"/[locale]/admin/reporting/processes">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("reporting.design");
  const t = await getTranslations("reporting.processes");
  const tc = await getTranslations("common");
  const [processes, forms, kinds] = await Promise.all([listProcesses(), assignableForms(), orgKindOptions()]);
  const kindName = new Map(kinds.map((k) => [k.code, localName(k, locale)]));
  const history = await historyByItem(
    "processes",
    processes.map((p) => p.id),
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <p className="text-sm text-slate-700">{t("resolution")}</p>
      <ul className="space-y-4" data-testid="processes">
        {processes.map((p) => (
          <li key={p.id} className="rounded-lg bg-white p-4 shadow-sm" data-testid={`process-${p.code}`}>
            <h2 className="text-lg font-semibold">
              {localName(p, locale)} <span className="text-sm font-normal text-slate-600">({p.code})</span>
            </h2>
            <ProcessDiagram levels={p.levels} />
            <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">{t("onLate")}</dt>
              <dd>{t(`onLateOptions.${p.onLate}`)}</dd>
              <dt className="text-slate-600">{t("returnTo")}</dt>
              <dd>{t(`returnToOptions.${p.returnTo}`)}</dd>
              <dt className="text-slate-600">{t("assignedTo")}</dt>
              <dd data-testid="process-assigned">
                {[
                  ...p.forms.map((f) => `${f.code} (${f.year})`),
                  ...p.kinds.map((k) => kindName.get(k) ?? k),
                  ...p.organizations.map((o) => `${localName(o, locale)} (${o.bin})`),
                ].join("; ") || (p.code === "standard" ? t("everyoneElse") : "—")}
              </dd>
              <dt className="text-slate-600">{t("inReview")}</dt>
              <dd className="tabular-nums">{p.inReview}</dd>
            </dl>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-brand-700">{t("edit", { code: p.code })}</summary>
              <div className="mt-2">
                <ProcessForm action={saveProcessAction} process={p} />
              </div>
            </details>
            <ChangeHistory
              entries={history.get(p.id) ?? []}
              locale={locale}
              collapsed
              testId={`process-history-${p.code}`}
            />
          </li>
        ))}
      </ul>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("assign.title")}</h2>
        <ActionForm
          action={assignProcessAction}
          submitLabel={t("assign.submit")}
          pendingLabel={tc("state.saving")}
          testId="process-assign"
          className="grid max-w-3xl gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2"
        >
          <SelectField
            name="processId"
            label={t("assign.process")}
            options={processes
              .filter((p) => p.code !== "standard")
              .map((p) => ({ value: p.id, label: `${localName(p, locale)} (${p.code})` }))}
            placeholder={t("assign.none")}
          />
          <SelectField
            name="target"
            label={t("assign.target")}
            required
            options={(["form", "kind", "organization"] as const).map((v) => ({
              value: v,
              label: t(`assign.targets.${v}`),
            }))}
            defaultValue="kind"
          />
          <SelectField
            name="formId"
            label={t("assign.form")}
            options={forms.map((f) => ({
              value: f.id,
              label: `${f.formList.year} · ${f.code} — ${localName(f, locale)}`,
            }))}
            placeholder="—"
          />
          <SelectField
            name="orgKind"
            label={t("assign.kind")}
            options={kinds.map((k) => ({ value: k.code, label: localName(k, locale) }))}
            placeholder="—"
          />
          <TextField name="bin" label={t("assign.bin")} inputMode="numeric" maxLength={12} />
        </ActionForm>
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("new")}</h2>
        <ProcessForm action={saveProcessAction} />
      </section>
    </div>
  );
}
