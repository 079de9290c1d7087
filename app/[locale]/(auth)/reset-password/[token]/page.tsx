import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pageMetadata } from "@/lib/seo/metadata";
import { ResetPasswordForm } from "@/components/auth/reset-password-form-client";

export async function generateMetadata({ params }: PageProps<"/[locale]/reset-password/[token]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "mail.recovery" });
  return {
    ...pageMetadata(locale, "/reset-password", { title: t("resetTitle"), description: t("resetLead"), noindex: true }),
    referrer: "no-referrer",
  };
}

/** The page a recovery mail leads to: the token stays in the form and is checked when the password is set. */
export default async function ResetWithLinkPage({ params }: PageProps<"/[locale]/reset-password/[token]">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("mail.recovery");
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("resetTitle")}</h1>
      <p className="text-sm text-slate-600">{t("resetLead")}</p>
      <ResetPasswordForm
        token={token.slice(0, 128)}
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
