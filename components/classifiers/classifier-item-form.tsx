import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/forms/record-form";
import { FormErrors, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";

interface ItemValues {
  id: string;
  version: number;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  sortOrder: number;
  validFrom: Date | null;
  validTo: Date | null;
}

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");

/** Add an item to a classifier, or edit one (its code is fixed once set). */
export async function ClassifierItemForm({
  action,
  classifier,
  values,
}: {
  action: FormAction;
  classifier: string;
  values?: ItemValues;
}) {
  const t = await getTranslations("classifiers");
  return (
    <RecordForm
      action={action}
      record={values}
      createLabel={t("addItem")}
      testId={values ? "classifier-item-form" : "classifier-item-new"}
    >
      {values ? (
        <p className="text-sm">
          <span className="font-medium">{t("code")}:</span> <span className="font-mono">{values.code}</span>
        </p>
      ) : (
        <>
          <input type="hidden" name="classifier" value={classifier} />
          <TextField
            name="code"
            label={t("code")}
            required
            hint={t("codeHint")}
            maxLength={32}
            autoCapitalize="characters"
            spellCheck={false}
          />
        </>
      )}
      <FormErrors names={["id", "version", "classifier"]} />
      <TextField name="nameKk" label={t("nameKk")} required defaultValue={values?.nameKk} lang="kk" maxLength={300} />
      <TextField name="nameRu" label={t("nameRu")} required defaultValue={values?.nameRu} lang="ru" maxLength={300} />
      <TextField name="nameEn" label={t("nameEn")} required defaultValue={values?.nameEn} lang="en" maxLength={300} />
      <TextField name="sortOrder" label={t("sortOrder")} defaultValue={values?.sortOrder ?? 0} inputMode="numeric" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="validFrom" label={t("validFrom")} type="date" defaultValue={day(values?.validFrom)} />
        <TextField
          name="validTo"
          label={t("validTo")}
          type="date"
          defaultValue={day(values?.validTo)}
          hint={t("validToHint")}
        />
      </div>
    </RecordForm>
  );
}
