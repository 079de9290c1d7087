import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { SignInForm } from "@/components/auth/sign-in-form-client";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/sign-in", { title: t("signInTitle"), description: ts("signIn"), noindex: true });
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("auth");
  const ts = await getTranslations("security.signIn");
  const tm = await getTranslations("mail.recovery");
  return (
    <div className="mx-auto max-w-sm rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("signInTitle")}</h1>
      <SignInForm
        callbackUrl={typeof callbackUrl === "string" ? callbackUrl : ""}
        labels={{
          login: t("login"),
          password: t("password"),
          submit: t("submit"),
          codeTitle: ts("codeTitle"),
          codeIntro: ts("codeIntro"),
          code: ts("code"),
          remember: ts("remember"),
          confirm: ts("confirm"),
        }}
      />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" data-testid="forgot-link">
          {tm("forgotLink")}
        </Link>
      </p>
      <p className="mt-4 text-sm text-slate-500">{t("demoHint")}</p>
    </div>
  );
}
