import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { localName } from "@/lib/names";
import { pageCount } from "@/lib/data-table/params";
import { pageMetadata } from "@/lib/seo/metadata";
import { cachedPublicVacancies } from "@/lib/staff/vacancies";
import { vacancyQueryOf } from "@/lib/staff/schemas";
import { Select } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { viewParams } from "@/lib/http/view-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/vacancies">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.public" });
  return pageMetadata(locale, "/vacancies", { title: t("title"), description: t("description") });
}

/** Open vacancies of education organisations for everyone, by region, district and subject; no personal data. */
export default async function VacanciesPage({ params, searchParams }: PageProps<"/[locale]/vacancies">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = vacancyQueryOf(await viewParams({ params, searchParams }));
  const t = await getTranslations("staff.public");
  const data = await cachedPublicVacancies(query);
  const pages = pageCount(data.total, data.pageSize);
  const keep: Record<string, string> = {};
  if (query.region) keep.region = query.region;
  if (query.district) keep.district = query.district;
  if (query.subject) keep.subject = query.subject;
  const select = (
    name: string,
    label: string,
    value: string | undefined,
    options: { id: string; nameKk: string; nameRu: string; nameEn: string }[],
  ) => (
    <div>
      <label htmlFor={`v-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <Select id={`v-${name}`} name={name} defaultValue={value ?? ""} className="w-full">
        <option value="">{t("all")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {localName(o, locale)}
          </option>
        ))}
      </Select>
    </div>
  );
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      <form method="get" className="grid items-end gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-4">
        {select("region", t("region"), query.region, data.regions)}
        {data.districts.length > 0 && select("district", t("district"), query.district, data.districts)}
        {select("subject", t("subject"), query.subject, data.subjects)}
        <Button type="submit">{t("show")}</Button>
      </form>
      <p className="text-sm text-slate-600" data-testid="vacancies-total">
        {t("total", { total: data.total })}
      </p>
      {data.rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="public-vacancies">
          {data.rows.map((v) => (
            <li key={v.id} className="rounded-lg bg-white p-4 shadow-sm" data-id={v.id}>
              <h2 className="font-semibold">
                {localName(v.position, locale)}
                {v.subject ? ` — ${localName(v.subject, locale)}` : ""}
              </h2>
              <p className="text-sm">{localName(v.organization, locale)}</p>
              <p className="text-sm text-slate-600">
                {[
                  v.organization.territory.parent ? localName(v.organization.territory.parent, locale) : null,
                  localName(v.organization.territory, locale),
                ]
                  .filter(Boolean)
                  .join(", ")}
              </p>
              <p className="mt-1 text-sm">
                {t("hours", { hours: v.weeklyHours })} · {t("starts", { date: v.startDate })}
                {v.language ? ` · ${localName(v.language, locale)}` : ""}
              </p>
              <p className="mt-2 text-sm whitespace-pre-line">{v.description}</p>
              <p className="mt-2 text-xs text-slate-600">{t("contact")}</p>
            </li>
          ))}
        </ul>
      )}
      <Pager path="/vacancies" query={keep} page={query.page} pages={pages} labels={await pagerLabels()} />
    </div>
  );
}
