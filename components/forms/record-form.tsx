import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form-client";
import { RecordKeyFields } from "@/components/forms/record-key-fields";
import type { FormAction } from "@/lib/actions";

/**
 * A form that creates a record or edits one: "save" (or `createLabel` when creating), "saving…" while
 * pending, and the hidden id and version of the edited record before the fields.
 */
export async function RecordForm({
  action,
  record,
  createLabel,
  testId,
  className = "max-w-2xl space-y-4 rounded-lg bg-white p-6 shadow-sm",
  children,
}: {
  action: FormAction;
  /** The edited record; absent when creating. */
  record?: { id: string; version: number };
  createLabel?: string;
  testId: string;
  className?: string;
  children: ReactNode;
}) {
  const tc = await getTranslations("common");
  return (
    <ActionForm
      action={action}
      submitLabel={record || !createLabel ? tc("actions.save") : createLabel}
      pendingLabel={tc("state.saving")}
      testId={testId}
      className={className}
    >
      {record && <RecordKeyFields id={record.id} version={record.version} />}
      {children}
    </ActionForm>
  );
}
