import { getTranslations } from "next-intl/server";
import { addEmailAction, mailLanguageAction } from "@/lib/mail/actions";
import { emailState } from "@/lib/mail/account";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";

/** The person's e-mail on /account: the verified address, a pending one, a failing one, and the forms. */
export async function EmailSection({ userId }: { userId: string }) {
  const state = await emailState(userId);
  const t = await getTranslations("mail.account");
  const tc = await getTranslations("common");
  const languages = [
    { value: "", label: t("languageDefault") },
    ...(["kk", "ru", "en"] as const).map((l) => ({ value: l, label: tc(`locale.${l}`) })),
  ];
  return (
    <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm" data-testid="email-section">
      <h2 className="font-semibold">{t("title")}</h2>
      {state.emailFailedAt && state.email ? (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800"
          data-testid="email-failing"
        >
          {t("failing", { email: state.email, reason: state.emailFailure ?? "" })}
        </p>
      ) : state.email ? (
        <p className="text-sm" data-testid="email-verified">
          {t("verified", { email: state.email })}
        </p>
      ) : null}
      {state.emailPending && (
        <p className="text-sm text-amber-900" data-testid="email-pending">
          {t("pending", { email: state.emailPending })}
        </p>
      )}
      {!state.email && !state.emailPending && <p className="text-sm text-slate-600">{t("none")}</p>}
      <ActionForm action={addEmailAction} submitLabel={t("save")} testId="email-form" className="space-y-3">
        <TextField name="email" label={t("email")} type="email" autoComplete="email" required />
      </ActionForm>
      <ActionForm
        action={mailLanguageAction}
        submitLabel={t("languageSave")}
        variant="secondary"
        testId="mail-language-form"
        className="space-y-3 border-t border-slate-100 pt-3"
      >
        <SelectField
          name="mailLocale"
          label={t("language")}
          options={languages}
          defaultValue={state.mailLocale ?? ""}
        />
      </ActionForm>
    </section>
  );
}
