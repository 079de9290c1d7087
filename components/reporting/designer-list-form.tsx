import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/forms/record-form";
import { FormErrors, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";

/** Create the year's list of forms, or edit its approving order (the year is fixed once created). */
export async function FormListForm({
  action,
  values,
}: {
  action: FormAction;
  values?: { id: string; version: number; year: number; orderNumber: string; orderDate: Date };
}) {
  const t = await getTranslations("reporting.lists");
  return (
    <RecordForm
      action={action}
      record={values}
      createLabel={t("create")}
      testId={values ? "form-list-edit" : "form-list-new"}
      className="grid max-w-3xl gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-3 sm:items-end"
    >
      {values ? (
        <FormErrors names={["id", "version"]} />
      ) : (
        <TextField
          name="year"
          label={t("year")}
          required
          inputMode="numeric"
          maxLength={4}
          defaultValue={new Date().getFullYear()}
        />
      )}
      <TextField
        name="orderNumber"
        label={t("orderNumber")}
        required
        maxLength={50}
        defaultValue={values?.orderNumber}
      />
      <TextField
        name="orderDate"
        label={t("orderDate")}
        required
        type="date"
        defaultValue={values?.orderDate.toISOString().slice(0, 10)}
      />
    </RecordForm>
  );
}
