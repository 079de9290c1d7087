import QRCode from "qrcode";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { secondFactorPolicy } from "@/lib/auth/roles";
import { pendingEnrolment } from "@/lib/auth/second-factor";
import { EnrolForm } from "@/components/security/enrol-form-client";

/** Enrolment of the TOTP second factor: QR code and manual key, then the first code confirms it. */
export default async function SecondFactorPage({ params }: PageProps<"/[locale]/account/security/second-factor">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({
      href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/security/second-factor` } },
      locale,
    });
  const t = await getTranslations("security");
  const pending = await pendingEnrolment(viewer.userId, viewer.login);
  if (!pending) return redirect({ href: "/account/security", locale });
  const qr = await QRCode.toDataURL(pending.uri, { margin: 1, width: 220 });
  const key = pending.secret.replace(/(.{4})/g, "$1 ").trim();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("enrol.title")}</h1>
      <p>{t(`factor.${secondFactorPolicy(viewer.roles.map((r) => r.role))}`)}</p>
      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <p>{t("enrol.step1")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
        <img src={qr} alt={t("enrol.qrAlt")} width={220} height={220} className="h-auto max-w-full" />
        <p className="text-sm">{t("enrol.manual")}</p>
        <p className="font-mono text-sm break-all" data-testid="totp-secret">
          {key}
        </p>
      </section>
      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <p>{t("enrol.step2")}</p>
        <EnrolForm
          continueHref="/account/security"
          labels={{
            code: t("signIn.code"),
            confirm: t("enrol.confirm"),
            codesTitle: t("enrol.codesTitle"),
            codesHint: t("enrol.codesHint"),
            continue: t("enrol.continue"),
          }}
        />
      </section>
    </div>
  );
}
