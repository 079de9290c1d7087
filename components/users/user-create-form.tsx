import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { locales } from "@/i18n/routing";
import { RoleScope } from "./role-scope-fields";

/** A new account: login, name, password, interface language and the first role with its scope. */
export async function UserCreateForm({
  action,
  viewer,
  scope,
  locale,
}: {
  action: FormAction;
  viewer: Viewer;
  scope: Scope;
  locale: string;
}) {
  const t = await getTranslations("users");
  const tc = await getTranslations("common");
  return (
    <ActionForm
      action={action}
      submitLabel={tc("actions.create")}
      pendingLabel={tc("state.saving")}
      testId="user-form"
      className="max-w-2xl space-y-4 rounded-lg bg-white p-6 shadow-sm"
    >
      <TextField
        name="login"
        label={t("login")}
        required
        hint={t("loginHint")}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
      />
      <TextField name="displayName" label={t("displayName")} required maxLength={200} />
      <TextField
        name="password"
        label={t("password")}
        required
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
      />
      <SelectField
        name="locale"
        label={t("locale")}
        required
        defaultValue={locale}
        options={locales.map((l) => ({ value: l, label: tc(`locale.${l}`) }))}
      />
      <fieldset className="space-y-4 rounded border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t("initialRole")}</legend>
        <RoleScope viewer={viewer} scope={scope} locale={locale} />
      </fieldset>
    </ActionForm>
  );
}
