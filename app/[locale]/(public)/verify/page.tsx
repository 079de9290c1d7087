import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ReceiptCheck } from "@/components/packages/receipt-check-client";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/verify">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "packages.check" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/verify", { title: t("title"), description: ts("verify") });
}

/** Public check of a data package receipt (R35): is the server's signature valid, and what does it acknowledge. */
export default async function VerifyReceiptPage({ params }: PageProps<"/[locale]/verify">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("packages.check");
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("description")}</p>
      <ClientMessages locale={locale} namespaces={["packages.check"]}>
        <ReceiptCheck />
      </ClientMessages>
      <p className="text-sm text-slate-600">{t("keyHint")}</p>
      <p className="text-sm">
        <Link href="/packages/api">{t("apiDocs")}</Link>
      </p>
    </div>
  );
}
