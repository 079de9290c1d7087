import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { getTerritory, mayWriteUnder } from "@/lib/registry/territories";
import { updateTerritoryAction } from "@/lib/registry/territory-actions";
import { TerritoryForm } from "@/components/registry/territory-form";
import { PageHeader } from "@/components/admin/page-header";
import { localName } from "@/lib/names";

export default async function TerritoryPage({ params, searchParams }: PageProps<"/[locale]/admin/territories/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("registry.territory.read");
  const territory = await getTerritory(id);
  if (!territory) notFound();
  const t = await getTranslations("territories");
  const writeScope = scopeOf(viewer, "registry.territory.write");
  const editable = writeScope !== null && mayWriteUnder(writeScope, territory.parent);
  const { created } = await searchParams;
  const parentLabel = territory.parent ? `${territory.parent.code} ${localName(territory.parent, locale)}` : undefined;
  return (
    <div>
      <PageHeader
        title={localName(territory, locale)}
        description={`${t("code")}: ${territory.code} · ${t(`levels.${territory.level}`)}`}
      />
      {created && (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t("created")}
        </p>
      )}
      {editable ? (
        <TerritoryForm
          action={updateTerritoryAction}
          scope={writeScope}
          locale={locale}
          parentLabel={parentLabel}
          values={{ ...territory, level: territory.level }}
        />
      ) : (
        <div className="max-w-2xl rounded-lg bg-white p-6 text-sm shadow-sm">
          <dl className="grid grid-cols-2 gap-2">
            <dt>{t("code")}</dt>
            <dd className="font-mono">{territory.code}</dd>
            <dt>{t("level")}</dt>
            <dd>{t(`levels.${territory.level}`)}</dd>
            <dt>{t("parent")}</dt>
            <dd>{parentLabel ?? "—"}</dd>
            <dt>{t("nameKk")}</dt>
            <dd lang="kk">{territory.nameKk}</dd>
            <dt>{t("nameRu")}</dt>
            <dd lang="ru">{territory.nameRu}</dd>
            <dt>{t("nameEn")}</dt>
            <dd lang="en">{territory.nameEn}</dd>
            <dt>{t("children")}</dt>
            <dd>{territory._count.children}</dd>
            <dt>{t("organizations")}</dt>
            <dd>{territory._count.organizations}</dd>
          </dl>
          {writeScope && <p className="mt-4 text-slate-600">{t("readOnly")}</p>}
        </div>
      )}
    </div>
  );
}
