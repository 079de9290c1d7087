import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { auth, sessionTag } from "@/lib/auth/config";
import { secondFactorPolicy } from "@/lib/auth/roles";
import { hasSecondFactor, recoveryCodesLeft } from "@/lib/auth/second-factor";
import { disableSecondFactorAction, endSessionAction, renewRecoveryCodesAction } from "@/lib/auth/security-actions";
import { EnrolForm } from "@/components/security/enrol-form-client";
import { lifetimeOf, listSessions } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { getViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/time";
import { ActionForm } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";
import { SignOutEverywhere } from "@/components/security/sign-out-everywhere-client";
import { Table } from "@/components/ui/table";
import { linkButtonClass } from "@/components/ui/button";

/** The person's sessions (each can be ended) and their second factor. */
export default async function SecurityPage({ params }: PageProps<"/[locale]/account/security">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/security` } }, locale });
  const t = await getTranslations("security");
  const session = await auth();
  const currentTag = (session as { sessionTag?: string } | null)?.sessionTag;
  const roles = viewer.roles.map((r) => r.role);
  const policy = secondFactorPolicy(roles);
  const lifetime = lifetimeOf(roles);
  const [sessions, enabled] = await Promise.all([listSessions(viewer.userId), hasSecondFactor(viewer.userId)]);
  const codesLeft = enabled ? await recoveryCodesLeft(viewer.userId) : 0;

  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="factor-title">
        <h2 id="factor-title" className="text-lg font-semibold">
          {t("factor.title")}
        </h2>
        <p className="text-sm text-slate-700">{t(`factor.${policy}`)}</p>
        <p data-testid="second-factor-status">
          {enabled ? t("factor.enabled", { count: codesLeft }) : t("factor.disabled")}
        </p>
        {!enabled && (
          <Link href="/account/security/second-factor" className={linkButtonClass({ variant: "primary" })}>
            {t("factor.setUp")}
          </Link>
        )}
        {enabled && (
          <details className="rounded border border-slate-200 p-3" data-testid="renew-recovery-codes">
            <summary className="cursor-pointer text-sm font-medium">{t("factor.renew")}</summary>
            <div className="mt-3">
              <EnrolForm
                action={renewRecoveryCodesAction}
                testId="renew-form"
                continueHref="/account/security"
                hint={t("factor.renewHint")}
                labels={{
                  code: t("signIn.code"),
                  confirm: t("factor.renewSubmit"),
                  codesTitle: t("enrol.codesTitle"),
                  codesHint: t("enrol.codesHint"),
                  continue: t("enrol.continue"),
                }}
              />
            </div>
          </details>
        )}
        {enabled && policy !== "required" && (
          <ActionForm action={disableSecondFactorAction} submitLabel={t("factor.disable")} variant="secondary">
            <TextField
              name="code"
              label={t("signIn.code")}
              hint={t("factor.disableHint")}
              autoComplete="one-time-code"
            />
          </ActionForm>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-lg font-semibold">
          {t("sessions.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("sessions.intro")}</p>
        <p className="text-sm text-slate-600">
          {t("sessions.lifetime", { idle: lifetime.idleMinutes, absolute: lifetime.absoluteMinutes / 60 })}
        </p>
        <Table
          caption={t("sessions.title")}
          testId="session-list"
          columns={[
            t("sessions.device"),
            t("sessions.address"),
            t("sessions.created"),
            t("sessions.lastSeen"),
            t("sessions.expires"),
            { label: t("sessions.end"), hiddenLabel: true },
          ]}
          rows={sessions}
          empty={t("sessions.none")}
        >
          {(s) => {
            const current = currentTag !== undefined && sessionTag(s.id) === currentTag;
            return (
              <tr key={s.id} className="border-t border-slate-100 align-top" data-testid="session-row">
                <td className="px-3 py-2">
                  {describeUserAgent(s.userAgent) ?? t("sessions.unknownDevice")}
                  {current && (
                    <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-900">
                      {t("sessions.current")}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{s.address ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(s.createdAt, locale)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(s.lastSeenAt, locale)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(s.expiresAt, locale)}</td>
                <td className="px-3 py-2">
                  <ActionForm
                    action={endSessionAction}
                    submitLabel={t("sessions.end")}
                    confirm={t("sessions.endConfirm")}
                    variant="secondary"
                    className="space-y-1"
                  >
                    <input type="hidden" name="id" value={sessionTag(s.id)} />
                  </ActionForm>
                </td>
              </tr>
            );
          }}
        </Table>
        <SignOutEverywhere label={t("sessions.endAll")} confirm={t("sessions.endAllConfirm")} />
      </section>
    </div>
  );
}
