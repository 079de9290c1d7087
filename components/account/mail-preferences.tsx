import { getTranslations } from "next-intl/server";
import { mailPreferencesAction } from "@/lib/mail/actions";
import { MAIL_MODES, MAIL_TOPICS, mailPreferences } from "@/lib/mail/notify";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField } from "@/components/forms/fields-client";

/** For each topic of notifications: e-mail at once, a daily digest, or none (in the portal always). */
export async function MailPreferences({ userId }: { userId: string }) {
  const prefs = await mailPreferences(userId);
  const t = await getTranslations("mail.preferences");
  const options = MAIL_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }));
  return (
    <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm" data-testid="mail-preferences">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("lead")}</p>
      <ActionForm action={mailPreferencesAction} submitLabel={t("save")} testId="mail-preferences-form">
        <div className="grid gap-3 sm:grid-cols-2">
          {MAIL_TOPICS.map((topic) => (
            <SelectField
              key={topic}
              name={topic}
              label={t(`topics.${topic}`)}
              options={options}
              defaultValue={prefs[topic]}
            />
          ))}
        </div>
      </ActionForm>
    </section>
  );
}
