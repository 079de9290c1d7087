import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pageMetadata } from "@/lib/seo/metadata";
import { ResetPasswordForm } from "@/components/auth/reset-password-form-client";

export async function generateMetadata({ params }: PageProps<"/[locale]/reset-password">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "mail.recovery" });
  return pageMetadata(locale, "/reset-password", { title: t("codeTitle"), description: t("codeLead"), noindex: true });
}

/** A new password with the one-time code a school administrator handed over. */
export default async function ResetWithCodePage({ params }: PageProps<"/[locale]/reset-password">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("mail.recovery");
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("codeTitle")}</h1>
      <p className="text-sm text-slate-600">{t("codeLead")}</p>
      <p className="text-sm text-slate-600">{t("resetLead")}</p>
      <ResetPasswordForm
        labels={{
          code: t("code"),
          password: t("password"),
          confirm: t("confirm"),
          submit: t("submitReset"),
          signIn: t("signIn"),
        }}
      />
    </div>
  );
}
