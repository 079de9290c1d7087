import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form-client";
import { RecordKeyFields } from "@/components/forms/record-key-fields";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import { locales } from "@/i18n/routing";
import { resetPasswordAction, setUserActiveAction, updateUserAction } from "@/lib/users/actions";

interface AccountValues {
  id: string;
  version: number;
  displayName: string;
  locale: string;
  active: boolean;
}

const card = "space-y-4 rounded-lg bg-white p-6 shadow-sm";

/** Profile, account status (deactivation asks first) and password reset of one account. */
export async function UserAccountForms({ user, self }: { user: AccountValues; self: boolean }) {
  const t = await getTranslations("users");
  const tc = await getTranslations("common");
  return (
    <div className="grid max-w-2xl gap-4">
      <section aria-labelledby="user-profile">
        <ActionForm
          action={updateUserAction}
          submitLabel={tc("actions.save")}
          pendingLabel={tc("state.saving")}
          testId="user-profile-form"
          className={card}
        >
          <h2 id="user-profile" className="text-lg font-semibold">
            {t("profile")}
          </h2>
          <RecordKeyFields id={user.id} version={user.version} />
          <FormErrors names={["id", "version", "_form"]} />
          <TextField
            name="displayName"
            label={t("displayName")}
            required
            defaultValue={user.displayName}
            maxLength={200}
          />
          <SelectField
            name="locale"
            label={t("locale")}
            required
            defaultValue={user.locale}
            options={locales.map((l) => ({ value: l, label: tc(`locale.${l}`) }))}
          />
        </ActionForm>
      </section>

      <section aria-labelledby="user-status">
        <ActionForm
          action={setUserActiveAction}
          submitLabel={user.active ? t("deactivate") : t("activate")}
          pendingLabel={tc("state.saving")}
          confirm={user.active ? t("deactivateConfirm") : undefined}
          variant={user.active ? "danger" : "secondary"}
          testId="user-status-form"
          className={card}
        >
          <h2 id="user-status" className="text-lg font-semibold">
            {t("account")}
          </h2>
          <p className="text-sm text-slate-700" data-testid="user-status">
            {user.active ? t("activeText") : t("inactiveText")}
          </p>
          {self && user.active && <p className="text-sm text-slate-500">{t("selfDeactivateHint")}</p>}
          <RecordKeyFields id={user.id} version={user.version} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <FormErrors names={["id", "version", "active", "_form"]} />
        </ActionForm>
      </section>

      <section aria-labelledby="user-password">
        <ActionForm
          action={resetPasswordAction}
          submitLabel={t("passwordChange")}
          pendingLabel={tc("state.saving")}
          testId="user-password-form"
          className={card}
        >
          <h2 id="user-password" className="text-lg font-semibold">
            {t("passwordSection")}
          </h2>
          <input type="hidden" name="id" value={user.id} />
          <FormErrors names={["id", "_form"]} />
          <TextField
            name="password"
            label={t("newPassword")}
            required
            type="password"
            autoComplete="new-password"
            hint={t("passwordHint")}
          />
        </ActionForm>
      </section>
    </div>
  );
}
