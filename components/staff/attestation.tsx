import { getTranslations } from "next-intl/server";
import { applyAttestationAction, decideAttestationAction } from "@/lib/staff/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, TextField } from "@/components/forms/fields-client";

/** The teacher's application for the next category (the only one they may apply for). */
export async function ApplyAttestationForm({ category }: { category: string }) {
  const t = await getTranslations("staff");
  return (
    <ActionForm action={applyAttestationAction} submitLabel={t("attestation.apply")} testId="attestation-apply">
      <input type="hidden" name="category" value={category} />
      <FormErrors names={["category"]} />
    </ActionForm>
  );
}

/** The commission awards the category applied for: the decision's number and date. */
export async function AwardDecisionForm({ id, today }: { id: string; today: string }) {
  const t = await getTranslations("staff");
  return (
    <ActionForm action={decideAttestationAction} submitLabel={t("attestation.award")} testId="attestation-award">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value="award" />
      <FormErrors names={["id", "decision"]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="decisionNumber" label={t("card.decision")} required maxLength={60} />
        <TextField name="awardedOn" label={t("attestation.awardedOn")} required type="date" defaultValue={today} />
      </div>
    </ActionForm>
  );
}

/** The commission refuses with a reason the teacher reads. */
export async function RefuseDecisionForm({ id }: { id: string }) {
  const t = await getTranslations("staff");
  return (
    <ActionForm
      action={decideAttestationAction}
      submitLabel={t("attestation.refuse")}
      testId="attestation-refuse"
      variant="secondary"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value="refuse" />
      <FormErrors names={["id", "decision"]} />
      <TextField name="reason" label={t("attestation.reason")} required maxLength={1000} />
    </ActionForm>
  );
}
