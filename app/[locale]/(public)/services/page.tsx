import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { listServices } from "@/lib/services/applications";
import { linkButtonClass } from "@/components/ui/button";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

/** Where each service is applied for (the account pages ask for sign-in). */
const APPLY_HREF = {
  STUDY_CERTIFICATE: "/account/services#certificate",
  FIRST_GRADE: "/account/services/first-grade",
  TRANSFER: "/account/services/transfer",
  PRESCHOOL: "/account/services/preschool",
} as const;

export async function generateMetadata({ params }: PageProps<"/[locale]/services">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "services" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/services", { title: t("title"), description: ts("services") });
}

/** The catalogue of electronic services: what each gives, who may apply, documents, time limit. */
export default async function ServicesPage({ params }: PageProps<"/[locale]/services">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations("services");
  const services = await listServices();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
        <p className="mt-3 flex flex-wrap gap-4 text-sm">
          <Link href="/account/services">{t("myApplications")}</Link>
          <Link href="/verify/certificate">{t("verifyLink")}</Link>
        </p>
      </div>
      <ul className="space-y-4" data-testid="service-catalogue">
        {services.map((s) => (
          <li key={s.kind} data-kind={s.kind} className="rounded-lg bg-white p-5 shadow-sm">
            <div className="flex flex-wrap items-baseline gap-3">
              <h2 className="text-lg font-semibold">{t(`catalogue.${s.kind}.name`)}</h2>
              <span className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-900">
                {t("timeLimit", { days: s.timeLimitDays })}
              </span>
            </div>
            <p className="mt-2 text-slate-700">{t(`catalogue.${s.kind}.description`)}</p>
            <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium">{t("whoMayApply")}</dt>
              <dd>{t(`catalogue.${s.kind}.who`)}</dd>
              <dt className="font-medium">{t("documents")}</dt>
              <dd>{t(`catalogue.${s.kind}.documents`)}</dd>
            </dl>
            <Link
              href={APPLY_HREF[s.kind]}
              className={linkButtonClass({ className: "mt-4 inline-block" })}
              data-testid={`apply-${s.kind}`}
            >
              {t("apply")}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
