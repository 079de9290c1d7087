import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { LEVELS } from "@/lib/ratings/catalogue";
import { listMethods, territoriesFor } from "@/lib/ratings/service";
import { createMethodAction } from "@/lib/ratings/actions";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { Table } from "@/components/ui/table";

export const dynamic = "force-dynamic";

/** Rating methods in the viewer's scope (ministry: national; region: its own), and a new method. */
export default async function RatingMethodsPage({ params }: PageProps<"/[locale]/admin/ratings">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("ratings.manage");
  const t = await getTranslations("ratings");
  const [methods, republic, regions, districts] = await Promise.all([
    listMethods(viewer),
    territoriesFor(viewer, "REGION"),
    territoriesFor(viewer, "DISTRICT"),
    territoriesFor(viewer, "SCHOOL"),
  ]);
  const territories = [...republic, ...regions, ...districts];
  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.title")} description={t("admin.lead")} />
      <section className="relative overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        {methods.length === 0 ? (
          <p className="text-slate-600">{t("admin.empty")}</p>
        ) : (
          <Table
            look="plain"
            testId="methods"
            columns={[
              t("admin.code"),
              t("col.name"),
              t("admin.level"),
              t("territoryLabel"),
              t("method.versions"),
              t("admin.years"),
            ]}
            rows={methods}
          >
            {(m) => {
              const last = m.versions[m.versions.length - 1];
              return (
                <tr key={m.id} className="border-t border-slate-100">
                  <td className="py-1 pr-3 font-mono">
                    <Link href={`/admin/ratings/${m.id}`}>{m.code}</Link>
                  </td>
                  <td className="py-1 pr-3">{localName(m, locale)}</td>
                  <td className="py-1 pr-3">{t(`level.${m.level}`)}</td>
                  <td className="py-1 pr-3">{localName(m.territory, locale)}</td>
                  <td className="py-1 pr-3">
                    {last
                      ? t("admin.versionOf", { number: last.number, status: t(`admin.status.${last.status}`) })
                      : "—"}
                  </td>
                  <td className="py-1 pr-3">{m.years.join(", ") || "—"}</td>
                </tr>
              );
            }}
          </Table>
        )}
      </section>
      <section className="max-w-xl rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 text-lg font-semibold">{t("admin.create")}</h2>
        <ActionForm action={createMethodAction} submitLabel={t("admin.createSubmit")} testId="create-method">
          <TextField name="code" label={t("admin.code")} required />
          <SelectField
            name="level"
            label={t("admin.level")}
            required
            options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
          <SelectField
            name="territoryId"
            label={t("admin.territory")}
            required
            options={territories.map((x) => ({ value: x.id, label: localName(x, locale) }))}
          />
          <TextField name="nameKk" label={t("admin.nameKk")} required />
          <TextField name="nameRu" label={t("admin.nameRu")} required />
          <TextField name="nameEn" label={t("admin.nameEn")} required />
        </ActionForm>
      </section>
    </div>
  );
}
