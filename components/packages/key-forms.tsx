import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import { registerKeyAction, revokeKeyAction } from "@/lib/packages/actions";

/** Registers an organisation's Ed25519 public key with its validity dates. */
export async function RegisterKeyForm({ organizations }: { organizations: { value: string; label: string }[] }) {
  const t = await getTranslations("packages.keys");
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return (
    <ActionForm
      action={registerKeyAction}
      submitLabel={t("register")}
      testId="key-register"
      className="max-w-2xl space-y-4 rounded-lg bg-white p-6 shadow-sm"
    >
      <SelectField
        name="organizationId"
        label={t("organization")}
        required
        options={organizations}
        defaultValue={organizations.length === 1 ? organizations[0]!.value : undefined}
        placeholder={organizations.length === 1 ? undefined : ""}
      />
      <TextField name="label" label={t("label")} required maxLength={200} hint={t("labelHint")} />
      <div>
        <TextField
          name="publicKey"
          label={t("publicKey")}
          required
          hint={t("publicKeyHint")}
          spellCheck={false}
          className="w-full rounded border border-slate-300 px-3 py-2 font-mono text-xs"
        />
      </div>
      <div className="grid grid-cols-2 gap-4">
        <TextField name="validFrom" label={t("validFrom")} type="date" required defaultValue={today} />
        <TextField name="validTo" label={t("validTo")} type="date" required defaultValue={nextYear} />
      </div>
      <FormErrors names={["_form"]} />
    </ActionForm>
  );
}

export async function RevokeKeyForm({ id, label }: { id: string; label: string }) {
  const t = await getTranslations("packages.keys");
  return (
    <ActionForm
      action={revokeKeyAction}
      submitLabel={t("revoke")}
      confirm={t("revokeConfirm", { label })}
      variant="danger"
      className="inline"
      testId={`revoke-${id}`}
    >
      <input type="hidden" name="id" value={id} />
    </ActionForm>
  );
}
