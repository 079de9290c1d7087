import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { unsubscribeAction } from "@/lib/mail/actions";
import { readUnsubscribeToken } from "@/lib/mail/notify";
import { pageMetadata } from "@/lib/seo/metadata";
import { ActionForm } from "@/components/forms/action-form-client";

export async function generateMetadata({ params }: PageProps<"/[locale]/unsubscribe/[token]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "mail.unsubscribePage" });
  return {
    ...pageMetadata(locale, "/unsubscribe", { title: t("title"), description: t("title"), noindex: true }),
    referrer: "no-referrer",
  };
}

/** The unsubscribe link of a notification mail: one button, no sign-in (the signed token names person and topic). */
export default async function UnsubscribePage({ params }: PageProps<"/[locale]/unsubscribe/[token]">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("mail.unsubscribePage");
  const tp = await getTranslations("mail.preferences");
  const target = readUnsubscribeToken(decodeURIComponent(token));
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {target ? (
        <>
          <p className="text-sm text-slate-600">{t("lead", { topic: tp(`topics.${target.topic}`) })}</p>
          <ActionForm action={unsubscribeAction} submitLabel={t("submit")} testId="unsubscribe-form">
            <input type="hidden" name="token" value={decodeURIComponent(token)} />
          </ActionForm>
        </>
      ) : (
        <p role="alert" className="text-sm text-red-800">
          {t("invalid")}
        </p>
      )}
    </div>
  );
}
