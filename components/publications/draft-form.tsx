import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { saveDraftAction } from "@/lib/publications/actions";
import { CONTENT_LANGUAGES, METHODICAL_TYPES, OFFICIAL_TYPES } from "@/lib/publications/constants";
import type { DraftInput } from "@/lib/publications/workflow";
import { MarkdownEditor } from "./editor-client";

/** A draft's fields as the form shows them (a new draft has no id and may have no type or language yet). */
export type DraftValues = Omit<DraftInput, "type" | "language"> & {
  id?: string;
  version?: number;
  type: string;
  language: string;
};

/** The author's form: metadata, Markdown with live preview; official types only for those allowed. */
export async function DraftForm({
  values,
  official,
  subjects,
  originals,
}: {
  values: DraftValues;
  official: boolean;
  subjects: { code: string; name: string }[];
  originals: { id: string; title: string }[];
}) {
  const t = await getTranslations("publications");
  const types = official ? [...METHODICAL_TYPES, ...OFFICIAL_TYPES] : METHODICAL_TYPES;
  return (
    <ActionForm action={saveDraftAction} submitLabel={t("form.save")} testId="draft-form">
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.id && <input type="hidden" name="version" value={values.version ?? 1} />}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="type"
          label={t("form.type")}
          options={types.map((x) => ({ value: x, label: t(`types.${x}`) }))}
          defaultValue={values.type}
          required
        />
        <SelectField
          name="language"
          label={t("form.language")}
          options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          defaultValue={values.language}
          required
        />
        <SelectField
          name="subjectCode"
          label={t("form.subject")}
          placeholder={t("form.noSubject")}
          options={subjects.map((s) => ({ value: s.code, label: s.name }))}
          defaultValue={values.subjectCode ?? ""}
        />
      </div>
      <TextField name="title" label={t("form.title")} defaultValue={values.title} required />
      <TextField name="summary" label={t("form.summary")} defaultValue={values.summary} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="grades"
          label={t("form.grades")}
          hint={t("form.gradesHint")}
          defaultValue={values.grades.join(", ")}
        />
        <TextField
          name="keywords"
          label={t("form.keywords")}
          hint={t("form.keywordsHint")}
          defaultValue={values.keywords.join(", ")}
        />
      </div>
      {official && originals.length > 0 && (
        <SelectField
          name="translationOfId"
          label={t("form.translationOf")}
          placeholder={t("form.noTranslation")}
          options={originals.map((o) => ({ value: o.id, label: o.title }))}
          defaultValue={values.translationOfId ?? ""}
        />
      )}
      <MarkdownEditor
        label={t("form.body")}
        hint={t("form.bodyHint")}
        previewLabel={t("form.preview")}
        previewEmpty={t("form.previewEmpty")}
        defaultValue={values.body}
      />
    </ActionForm>
  );
}
