import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { confirmEmailAction } from "@/lib/mail/actions";
import { pageMetadata } from "@/lib/seo/metadata";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors } from "@/components/forms/fields-client";

export async function generateMetadata({ params }: PageProps<"/[locale]/verify-email/[token]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "mail.verify" });
  return {
    ...pageMetadata(locale, "/verify-email", { title: t("title"), description: t("lead"), noindex: true }),
    referrer: "no-referrer",
  };
}

/**
 * The page a verification mail leads to. Confirming is a button (a POST), so a mail scanner that opens the
 * link does not use the token up; it works without signing in.
 */
export default async function VerifyEmailPage({ params }: PageProps<"/[locale]/verify-email/[token]">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("mail.verify");
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("lead")}</p>
      <ActionForm action={confirmEmailAction} submitLabel={t("submit")} testId="verify-form">
        <input type="hidden" name="token" value={token.slice(0, 128)} />
        <FormErrors names={["token"]} />
      </ActionForm>
    </div>
  );
}
