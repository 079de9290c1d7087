import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { roleHas } from "@/lib/auth/permissions";
import { localName } from "@/lib/names";
import { districtKindergartens, preschoolDistricts } from "@/lib/services/preschool";
import { applyPreschoolAction } from "@/lib/services/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField } from "@/components/forms/fields-client";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

import { ApplicationPage, ChildFields, ServicesForbidden } from "@/components/services/application-parts";

export const dynamic = "force-dynamic";

/**
 * A parent puts a child in a district's kindergarten queue: first the district (a plain GET form), then the
 * child and up to three preferred kindergartens of that district.
 */
export default async function PreschoolPage({
  params,
  searchParams,
}: PageProps<"/[locale]/account/services/preschool">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({
      href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/services/preschool` } },
      locale,
    });
  const t = await getTranslations("services");
  const parentRole = viewer.roles.find((r) => roleHas(r.role, "services.applyForChild"));
  if (!parentRole) {
    return <ServicesForbidden />;
  }
  const sp = await searchParams;
  const districts = await preschoolDistricts();
  const chosen = typeof sp.district === "string" ? districts.find((d) => d.id === sp.district) : undefined;
  const kindergartens = chosen ? await districtKindergartens(chosen.id) : [];
  // The district of the parent's own school is suggested first.
  const ownDistrict = parentRole.territoryPath?.split("/").filter(Boolean).at(-1) ?? "";
  const kgOptions = kindergartens.map((k) => ({ value: k.id, label: localName(k, locale) }));
  return (
    <ApplicationPage title={t("preschool.title")} intro={t("preschool.intro")}>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm"
        data-testid="district-form"
      >
        <label className="block min-w-64 flex-1 text-sm">
          <span className="mb-1 block font-medium">{t("preschool.district")}</span>
          <Select
            name="district"
            defaultValue={chosen?.id ?? (districts.some((d) => d.id === ownDistrict) ? ownDistrict : "")}
            required
            className="w-full"
          >
            <option value="">—</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {localName(d, locale)}
                {d.parent ? ` — ${localName(d.parent, locale)}` : ""}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          {t("preschool.chooseDistrict")}
        </Button>
      </form>
      {chosen && (
        <div className="rounded-lg bg-white p-4 shadow-sm">
          <ActionForm action={applyPreschoolAction} submitLabel={t("preschool.submit")} testId="preschool-form">
            <input type="hidden" name="territoryId" value={chosen.id} />
            <ChildFields />
            <div className="grid gap-3 sm:grid-cols-3">
              {[1, 2, 3].map((n) => (
                <SelectField
                  key={n}
                  name={`preferred${n}`}
                  label={t("preschool.preferred", { n })}
                  placeholder="—"
                  options={kgOptions}
                />
              ))}
            </div>
            <SelectField
              name="priority"
              label={t("preschool.priority")}
              defaultValue="0"
              options={([0, 1] as const).map((p) => ({ value: String(p), label: t(`preschool.priorities.${p}`) }))}
            />
          </ActionForm>
        </div>
      )}
    </ApplicationPage>
  );
}
