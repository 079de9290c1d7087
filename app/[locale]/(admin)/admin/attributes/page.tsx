import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { documentedClassifiers } from "@/lib/configuration/docs";
import { classifierOptions } from "@/lib/classifiers/queries";
import { listAttributeDefinitions } from "@/lib/registry/attributes";
import { saveAttributeDefinitionAction } from "@/lib/registry/attribute-actions";
import { historyByItem } from "@/lib/configuration/history";
import { PageHeader } from "@/components/admin/page-header";
import { AttributeDefinitionForm } from "@/components/registry/attribute-definition-form";
import { ChangeHistory } from "@/components/configuration/change-history";

/** Custom attributes of organisations (issue 27): the ministry's definitions, each with its change history. */
export default async function AttributesPage({ params }: PageProps<"/[locale]/admin/attributes">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("registry.attributes.manage");
  const t = await getTranslations("organizations.attributes");
  const [defs, kinds, classifiers] = await Promise.all([
    listAttributeDefinitions(),
    classifierOptions("ORG_KIND", locale),
    documentedClassifiers(),
  ]);
  const history = await historyByItem(
    "attributes",
    defs.map((d) => d.id),
  );
  const kindOptions = kinds.map((k) => ({ code: k.code, label: k.label }));
  const kindName = new Map(kinds.map((k) => [k.code, k.label]));
  const classifierOptionsList = classifiers.map((c) => ({
    code: c.code,
    label: localName({ nameKk: c.name.kk, nameRu: c.name.ru, nameEn: c.name.en }, locale),
  }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {defs.length === 0 && <p className="text-sm text-slate-700">{t("none")}</p>}
      <ul className="space-y-4" data-testid="attributes">
        {defs.map((d) => (
          <li key={d.id} className="rounded-lg bg-white p-4 shadow-sm" data-testid={`attribute-${d.code}`}>
            <h2 className="text-lg font-semibold">
              {localName(d, locale)} <span className="font-mono text-sm font-normal text-slate-600">({d.code})</span>
            </h2>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">{t("type")}</dt>
              <dd>
                {t(`types.${d.type}`)}
                {d.type === "NUMBER" && (d.min !== null || d.max !== null)
                  ? ` · ${t("range", { min: d.min ?? "—", max: d.max ?? "—" })}`
                  : ""}
                {d.type === "CHOICE" && d.classifierCode ? ` · ${d.classifierCode}` : ""}
              </dd>
              <dt className="text-slate-600">{t("record")}</dt>
              <dd>{t(`records.${d.record}`)}</dd>
              <dt className="text-slate-600">{t("kinds")}</dt>
              <dd>{d.orgKinds.length ? d.orgKinds.map((k) => kindName.get(k) ?? k).join(", ") : t("allKinds")}</dd>
              <dt className="text-slate-600">{t("flags")}</dt>
              <dd>
                {[d.required ? t("required") : t("optional"), d.public ? t("public") : t("notPublic")].join(" · ")}
              </dd>
            </dl>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-brand-700">{t("edit", { code: d.code })}</summary>
              <div className="mt-2">
                <AttributeDefinitionForm
                  action={saveAttributeDefinitionAction}
                  definition={d}
                  kinds={kindOptions}
                  classifiers={classifierOptionsList}
                />
              </div>
            </details>
            <ChangeHistory
              entries={history.get(d.id) ?? []}
              locale={locale}
              collapsed
              testId={`attribute-history-${d.code}`}
            />
          </li>
        ))}
      </ul>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("new")}</h2>
        <AttributeDefinitionForm
          action={saveAttributeDefinitionAction}
          kinds={kindOptions}
          classifiers={classifierOptionsList}
        />
      </section>
    </div>
  );
}
