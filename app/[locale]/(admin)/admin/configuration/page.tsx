import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import {
  documentedClassifiers,
  documentedForms,
  documentedRatingMethods,
  permissionMatrix,
} from "@/lib/configuration/docs";
import { listProcesses } from "@/lib/reporting/process-admin";
import type { LocalizedText } from "@/lib/reporting/definition";
import { PageHeader } from "@/components/admin/page-header";
import { FormsDocumentation } from "@/components/configuration/forms-documentation";
import { IndicatorCatalogue } from "@/components/configuration/indicator-catalogue";
import { ProcessDiagram } from "@/components/reporting/process-diagram";
import { Table } from "@/components/ui/table";
import { ChangeHistory } from "@/components/configuration/change-history";
import { DocumentLinks } from "@/components/configuration/document-links";
import { configurationHistory, type HistorySection } from "@/lib/configuration/history";
import { listAttributeDefinitions } from "@/lib/registry/attributes";
import { classifierOptions } from "@/lib/classifiers/queries";

const SECTIONS = ["forms", "indicators", "classifiers", "processes", "attributes", "permissions", "ratings"] as const;
const HISTORY: HistorySection[] = ["forms", "classifiers", "processes", "attributes", "ratings"];

/**
 * Built-in documentation of the configuration (issue 27), generated from the data on every request: forms
 * of each year with their rules in words, the indicator catalogue, classifiers, reporting processes as diagrams, the roles ×
 * permissions matrix of the permission table and the rating methods.
 */
export default async function ConfigurationPage({ params }: PageProps<"/[locale]/admin/configuration">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("admin.access");
  const t = await getTranslations("admin.configuration");
  const ta = await getTranslations("admin");
  const tp = await getTranslations("reporting.processes");
  const tr = await getTranslations("organizations.attributes");
  const [years, classifiers, processes, methods, attributes, kinds, ...histories] = await Promise.all([
    documentedForms(),
    documentedClassifiers(),
    listProcesses(),
    documentedRatingMethods(),
    listAttributeDefinitions(),
    classifierOptions("ORG_KIND", locale),
    ...HISTORY.map((s) => configurationHistory(s, { limit: 10 })),
  ]);
  const history = new Map(HISTORY.map((s, i) => [s, histories[i]!]));
  const kindName = new Map(kinds.map((k) => [k.code, k.label]));
  const changes = (s: HistorySection) => (
    <div className="mt-3">
      <h3 className="text-base font-semibold">{t("history.section")}</h3>
      <ChangeHistory entries={history.get(s) ?? []} locale={locale} showEntity testId={`config-history-${s}`} />
    </div>
  );
  const matrix = permissionMatrix();
  const l = (x: LocalizedText) => x[locale as keyof LocalizedText] ?? x.kk;
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("description")} />
      <DocumentLinks href="/api/v1/configuration/document" locale={locale} testId="config-download" />
      <nav aria-label={t("contents")}>
        <ul className="flex flex-wrap gap-3 text-sm">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} className="text-brand-700 underline">
                {t(`sections.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="forms" aria-labelledby="forms-h" data-testid="config-forms">
        <h2 id="forms-h" className="mb-2 text-xl font-semibold">
          {t("sections.forms")}
        </h2>
        <FormsDocumentation years={years} locale={locale} />
        {changes("forms")}
      </section>

      <section id="indicators" aria-labelledby="indicators-h">
        <h2 id="indicators-h" className="mb-2 text-xl font-semibold">
          {t("sections.indicators")}
        </h2>
        <IndicatorCatalogue />
      </section>

      <section id="classifiers" aria-labelledby="classifiers-h">
        <h2 id="classifiers-h" className="mb-2 text-xl font-semibold">
          {t("sections.classifiers")}
        </h2>
        <Table
          look="compact"
          caption={t("sections.classifiers")}
          columns={[t("code"), t("name"), { label: t("items"), numeric: true }]}
          rows={classifiers}
        >
          {(c) => (
            <tr key={c.code} className="border-t border-slate-100">
              <td className="p-2 font-mono text-xs">{c.code}</td>
              <td className="p-2">{l(c.name)}</td>
              <td className="p-2 text-right tabular-nums">{c.items}</td>
            </tr>
          )}
        </Table>
        {changes("classifiers")}
      </section>

      <section id="processes" aria-labelledby="processes-h" data-testid="config-processes">
        <h2 id="processes-h" className="mb-2 text-xl font-semibold">
          {t("sections.processes")}
        </h2>
        <p className="mb-2 text-sm text-slate-700">{tp("resolution")}</p>
        <ul className="space-y-3">
          {processes.map((p) => (
            <li key={p.id} className="rounded-lg bg-white p-3 shadow-sm" data-process={p.code}>
              <h3 className="font-semibold">
                {localName(p, locale)} <span className="text-sm font-normal text-slate-600">({p.code})</span>
              </h3>
              <ProcessDiagram levels={p.levels} />
              <p className="mt-1 text-sm text-slate-700">
                {tp(`onLateOptions.${p.onLate}`)} · {tp("returnTo")}: {tp(`returnToOptions.${p.returnTo}`)}
              </p>
            </li>
          ))}
        </ul>
        {changes("processes")}
      </section>

      <section id="attributes" aria-labelledby="attributes-h" data-testid="config-attributes">
        <h2 id="attributes-h" className="mb-2 text-xl font-semibold">
          {t("sections.attributes")}
        </h2>
        <Table
          look="compact"
          caption={t("sections.attributes")}
          columns={[
            t("code"),
            t("name"),
            t("attributes.type"),
            t("attributes.kinds"),
            t("attributes.required"),
            t("attributes.public"),
          ]}
          rows={attributes}
          empty={t("none")}
        >
          {(a) => (
            <tr key={a.code} className="border-t border-slate-100" data-attribute={a.code}>
              <td className="p-2 font-mono text-xs">{a.code}</td>
              <td className="p-2">{localName(a, locale)}</td>
              <td className="p-2">
                {tr(`types.${a.type}`)}
                {a.type === "NUMBER" && (a.min !== null || a.max !== null)
                  ? ` (${tr("range", { min: a.min ?? "—", max: a.max ?? "—" })})`
                  : ""}
                {a.type === "CHOICE" && a.classifierCode ? ` (${a.classifierCode})` : ""}
              </td>
              <td className="p-2">
                {a.orgKinds.length ? a.orgKinds.map((k) => kindName.get(k) ?? k).join(", ") : tr("allKinds")}
              </td>
              <td className="p-2">{a.required ? t("yes") : "—"}</td>
              <td className="p-2">{a.public ? t("yes") : "—"}</td>
            </tr>
          )}
        </Table>
        {changes("attributes")}
      </section>

      <section id="permissions" aria-labelledby="permissions-h">
        <h2 id="permissions-h" className="mb-2 text-xl font-semibold">
          {t("sections.permissions")}
        </h2>
        <Table
          look="compact"
          caption={t("sections.permissions")}
          testId="config-permissions"
          columns={[t("permission"), ...matrix.roles.map((r) => ta(`roles.${r}`))]}
          rows={matrix.rows}
        >
          {(row) => (
            <tr key={row.permission} className="border-t border-slate-100">
              <th scope="row" className="p-2 text-left font-mono text-xs font-normal">
                {row.permission}
              </th>
              {matrix.roles.map((r) => (
                <td key={r} className="p-2 text-center">
                  {row.roles.has(r) ? (
                    <>
                      <span aria-hidden="true">✓</span>
                      <span className="sr-only">{t("yes")}</span>
                    </>
                  ) : (
                    ""
                  )}
                </td>
              ))}
            </tr>
          )}
        </Table>
      </section>

      <section id="ratings" aria-labelledby="ratings-h">
        <h2 id="ratings-h" className="mb-2 text-xl font-semibold">
          {t("sections.ratings")}
        </h2>
        <Table
          look="compact"
          caption={t("sections.ratings")}
          columns={[t("code"), t("name"), t("territory"), { label: t("versions"), numeric: true }, t("published")]}
          rows={methods}
          empty={t("none")}
        >
          {(m) => (
            <tr key={m.code} className="border-t border-slate-100">
              <td className="p-2 font-mono text-xs">{m.code}</td>
              <td className="p-2">{l(m.name)}</td>
              <td className="p-2">{l(m.territory)}</td>
              <td className="p-2 text-right tabular-nums">{m.versions}</td>
              <td className="p-2">{m.published ?? "—"}</td>
            </tr>
          )}
        </Table>
        {changes("ratings")}
      </section>
    </div>
  );
}
