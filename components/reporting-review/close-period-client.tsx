"use client";

import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors } from "@/components/forms/fields-client";
import { closePeriodAction } from "@/lib/reporting/review-actions";

/** The ministry's "close period" button: the consolidated report becomes final. */
export function ClosePeriod({
  periodId,
  label,
  confirm,
  pending,
}: {
  periodId: string;
  label: string;
  confirm: string;
  pending: string;
}) {
  return (
    <ActionForm
      action={closePeriodAction}
      submitLabel={label}
      pendingLabel={pending}
      confirm={confirm}
      variant="secondary"
      testId="close-period-form"
      className="space-y-2"
    >
      <input type="hidden" name="periodId" value={periodId} />
      <FormErrors names={["workflow", "periodId"]} />
    </ActionForm>
  );
}
