import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { forgotPasswordAction } from "@/lib/mail/actions";
import { pageMetadata } from "@/lib/seo/metadata";
import { ActionForm } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";

export async function generateMetadata({ params }: PageProps<"/[locale]/forgot-password">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "mail.recovery" });
  return pageMetadata(locale, "/forgot-password", { title: t("title"), description: t("lead"), noindex: true });
}

/** "Forgot password?": a login or a verified address; the answer never says whether the account exists. */
export default async function ForgotPasswordPage({ params }: PageProps<"/[locale]/forgot-password">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("mail.recovery");
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("lead")}</p>
      <ActionForm action={forgotPasswordAction} submitLabel={t("submit")} testId="forgot-form">
        <TextField name="identifier" label={t("identifier")} required autoComplete="username" />
      </ActionForm>
      <p className="text-sm">
        <Link href="/reset-password">{t("codeLink")}</Link>
      </p>
    </div>
  );
}
