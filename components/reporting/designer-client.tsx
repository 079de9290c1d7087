"use client";

import { useId, useMemo, useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import { FIELD_TYPES, NUMERIC_TYPES, type FormDefinition, type LocalizedText } from "@/lib/reporting/definition";
import { definitionIssues } from "@/lib/reporting/designer-schemas";
import { newVersionAction, saveDefinitionAction } from "@/lib/reporting/actions-design";
import { runtimeKeys } from "@/i18n/keys";
import { fieldClass } from "@/components/ui/input";
import { Button } from "@/components/ui/button";

type Langs = "kk" | "ru" | "en";
const LANGS: Langs[] = ["kk", "ru", "en"];

interface DField {
  key: string;
  label: LocalizedText;
  type: (typeof FIELD_TYPES)[number];
  classifier: string;
  required: boolean;
  min: string;
  max: string;
}
interface DRow {
  key: string;
  label: LocalizedText;
}
type DColumn = Omit<DField, "classifier" | "type"> & { type: (typeof NUMERIC_TYPES)[number] };
type DSection =
  | { kind: "fields"; key: string; title: LocalizedText; fields: DField[] }
  | { kind: "table"; key: string; title: LocalizedText; rows: DRow[]; columns: DColumn[] };
interface DRule {
  expression: string;
  severity: "error" | "warning";
  message: LocalizedText;
}
interface Draft {
  sections: DSection[];
  rules: DRule[];
}

const emptyText = (): LocalizedText => ({ kk: "", ru: "", en: "" });
const num = (v: number | undefined) => (v === undefined ? "" : String(v));

function toDraft(def: FormDefinition): Draft {
  return {
    sections: def.sections.map((s) =>
      s.kind === "fields"
        ? {
            kind: "fields",
            key: s.key,
            title: s.title,
            fields: s.fields.map((f) => ({
              key: f.key,
              label: f.label,
              type: f.type,
              classifier: f.classifier ?? "",
              required: f.required,
              min: num(f.min),
              max: num(f.max),
            })),
          }
        : {
            kind: "table",
            key: s.key,
            title: s.title,
            rows: s.rows.map((r) => ({ ...r })),
            columns: s.columns.map((c) => ({
              key: c.key,
              label: c.label,
              type: c.type,
              required: c.required,
              min: num(c.min),
              max: num(c.max),
            })),
          },
    ),
    rules: def.rules.map((r) => ({ ...r })),
  };
}

/** A bound as the schema reads it: empty → absent, a number → number, anything else as typed (refused). */
function bound(v: string): number | string | undefined {
  const s = v.trim();
  if (!s) return undefined;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : s;
}

function toDefinition(d: Draft): unknown {
  return {
    sections: d.sections.map((s) =>
      s.kind === "fields"
        ? {
            kind: "fields",
            key: s.key.trim(),
            title: s.title,
            fields: s.fields.map((f) => ({
              key: f.key.trim(),
              label: f.label,
              type: f.type,
              ...(f.type === "choice" && f.classifier ? { classifier: f.classifier } : {}),
              required: f.required,
              min: bound(f.min),
              max: bound(f.max),
            })),
          }
        : {
            kind: "table",
            key: s.key.trim(),
            title: s.title,
            rows: s.rows.map((r) => ({ key: r.key.trim(), label: r.label })),
            columns: s.columns.map((c) => ({
              key: c.key.trim(),
              label: c.label,
              type: c.type,
              required: c.required,
              min: bound(c.min),
              max: bound(c.max),
            })),
          },
    ),
    rules: d.rules.map((r) => ({ expression: r.expression, severity: r.severity, message: r.message })),
  };
}

/** Swaps item i of a list with its neighbour above (delta -1) or below (delta 1), if there is one. */
function shift(list: unknown[], i: number, delta: number): void {
  const j = i + delta;
  if (j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j], list[i]];
}

type FieldsSection = Extract<DSection, { kind: "fields" }>;
type TableSection = Extract<DSection, { kind: "table" }>;
const fieldsOf = (d: Draft, i: number) => (d.sections[i] as FieldsSection).fields;
const rowsOf = (d: Draft, i: number) => (d.sections[i] as TableSection).rows;
const columnsOf = (d: Draft, i: number) => (d.sections[i] as TableSection).columns;

const emptyField = (): DField => ({
  key: "",
  label: emptyText(),
  type: "integer",
  classifier: "",
  required: false,
  min: "",
  max: "",
});
const emptyColumn = (): DColumn => ({
  key: "",
  label: emptyText(),
  type: "integer",
  required: false,
  min: "",
  max: "",
});
const emptyRow = (): DRow => ({ key: "", label: emptyText() });

const inputClass = (error?: string) =>
  fieldClass({ invalid: Boolean(error), density: "sm", className: "w-full text-sm" });

/**
 * The form designer (R32): a structured editor of a form version's definition — sections of fields or
 * tables of rows × columns, field types and bounds, cross-field rules with messages in three languages.
 * Problems are shown next to the input they belong to, live after the first save attempt; the server
 * checks the same definition again when saving. A frozen version is shown read-only with "new version".
 */
export function DesignerClient({
  formId,
  formVersion: initialFormVersion,
  number,
  locked,
  canCreateVersion,
  definition,
  classifiers,
}: {
  formId: string;
  formVersion: number;
  number: number;
  locked: boolean;
  /** A frozen newest version offers "new version"; an older one is only shown. */
  canCreateVersion: boolean;
  definition: FormDefinition;
  classifiers: { code: string; label: string }[];
}) {
  const t = useTranslations("reporting.designer");
  const tr = useTranslations();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => toDraft(definition));
  const [formVersion, setFormVersion] = useState(initialFormVersion);
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, startTransition] = useTransition();

  const issues = useMemo(() => (showErrors ? definitionIssues(toDefinition(draft)) : []), [draft, showErrors]);
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const issue of issues) out[issue.path] ??= runtimeKeys(tr)(`errors.${issue.key}`, issue.params);
    return out;
  }, [issues, tr]);
  const err = (path: string): string | undefined => errors[path] ?? (dirty ? undefined : serverErrors[path]);

  const names = useMemo(() => {
    const out: string[] = [];
    for (const s of draft.sections) {
      if (s.kind === "fields") for (const f of s.fields) out.push(`${s.key}.${f.key}`);
      else {
        for (const c of s.columns) out.push(`${s.key}.*.${c.key}`);
        for (const r of s.rows) for (const c of s.columns) out.push(`${s.key}.${r.key}.${c.key}`);
      }
    }
    return out;
  }, [draft]);

  const patch = (fn: (d: Draft) => void) => {
    setDraft((prev) => {
      const next = structuredClone(prev);
      fn(next);
      return next;
    });
    setDirty(true);
    setStatus(null);
  };

  /** Move up, move down and remove of item j of a list in the draft. */
  const itemTools = (list: (d: Draft) => unknown[], j: number) => ({
    onUp: () => patch((d) => shift(list(d), j, -1)),
    onDown: () => patch((d) => shift(list(d), j, 1)),
    onRemove: () => patch((d) => void list(d).splice(j, 1)),
  });

  /** The key input of item j of a list in the draft (fields, rows, columns); `path` is where its errors are. */
  const keyInput = (list: (d: Draft) => DRow[], j: number, path: string, value: string) => ({
    label: t("key"),
    value,
    error: err(`${path}.key`),
    mono: true,
    onChange: (v: string) => patch((d) => void (list(d)[j]!.key = v)),
  });
  /** The label of item j of a list in the draft, in the three languages. */
  const labelTexts = (list: (d: Draft) => DRow[], j: number, path: string, value: LocalizedText) => ({
    label: t("label"),
    value,
    path: `${path}.label`,
    err,
    onChange: (l: Langs, v: string) => patch((d) => void (list(d)[j]!.label[l] = v)),
  });

  /** The type select of item j of a list in the draft (fields, columns), offering `types`. */
  const typeSelect = (
    list: (d: Draft) => { type: DField["type"] }[],
    j: number,
    types: readonly DField["type"][],
    value: string,
  ) => ({
    label: t("type"),
    value,
    options: types.map((ft) => ({ value: ft, label: t(`types.${ft}`) })),
    onChange: (v: string) => patch((d) => void (list(d)[j]!.type = v as DField["type"])),
  });

  const save = () => {
    setShowErrors(true);
    const fd = new FormData();
    fd.set("formId", formId);
    fd.set("formVersion", String(formVersion));
    fd.set("number", String(number));
    fd.set("definition", JSON.stringify(toDefinition(draft)));
    startTransition(async () => {
      const result = await saveDefinitionAction(null, fd);
      setDirty(false);
      if (result.ok) {
        const data = result.data as { formVersion: number } | undefined;
        if (data) setFormVersion(data.formVersion);
        setServerErrors({});
        setStatus({ ok: true, message: result.message ?? t("saved") });
        router.refresh();
      } else {
        const fieldErrors = result.fieldErrors ?? {};
        setServerErrors(fieldErrors);
        // A refused definition is listed problem by problem below; other refusals (stale, frozen) say why here.
        const detail = [fieldErrors.definition, fieldErrors.formVersion, fieldErrors.formId].filter(Boolean);
        const structural = Object.keys(fieldErrors).some((k) => k.startsWith("sections") || k.startsWith("rules"));
        setStatus({
          ok: false,
          message: structural ? t("notSaved") : detail.length ? detail.join(" ") : (result.message ?? t("notSaved")),
        });
      }
    });
  };

  const newVersion = () => {
    const fd = new FormData();
    fd.set("formId", formId);
    fd.set("formVersion", String(formVersion));
    startTransition(async () => {
      const result = await newVersionAction(null, fd);
      if (result.ok) router.refresh();
      else setStatus({ ok: false, message: result.fieldErrors?.formId ?? result.message ?? t("notSaved") });
    });
  };

  const summary = Object.entries(showErrors ? errors : dirty ? {} : serverErrors);

  return (
    <div className="space-y-4" data-testid="designer">
      {locked && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="designer-frozen"
        >
          <span>{canCreateVersion ? t("frozen", { number }) : t("olderVersion", { number })}</span>
          {canCreateVersion && (
            <button
              type="button"
              onClick={newVersion}
              disabled={pending}
              className="ml-auto rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900 disabled:opacity-60"
            >
              {t("newVersion")}
            </button>
          )}
        </div>
      )}
      {status && (
        <p
          role={status.ok ? "status" : "alert"}
          className={`rounded border p-2 text-sm ${status.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}
        >
          {status.message}
        </p>
      )}
      {summary.length > 0 && (
        <details open className="rounded border border-red-200 bg-white p-2 text-sm">
          <summary className="cursor-pointer font-medium text-red-800">
            {t("problems", { count: summary.length })}
          </summary>
          <ul className="mt-1 list-disc pl-5 text-red-800">
            {summary.map(([path, message]) => (
              <li key={path}>
                <span className="font-mono text-xs">{path}</span>: {message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <fieldset disabled={locked || pending} className="space-y-4">
        {draft.sections.map((section, i) => (
          <section
            key={i}
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            data-testid={`section-${i}`}
            aria-label={t("sectionN", { n: i + 1 })}
          >
            <div className="mb-3 flex flex-wrap items-end gap-3">
              <Input
                label={t("key")}
                value={section.key}
                error={err(`sections.${i}.key`)}
                mono
                onChange={(v) => patch((d) => void (d.sections[i]!.key = v))}
                className="w-40"
              />
              <span className="rounded bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700">
                {section.kind === "fields" ? t("kindFields") : t("kindTable")}
              </span>
              <Toolbar
                {...itemTools((d) => d.sections, i)}
                labels={{ up: t("moveUp"), down: t("moveDown"), remove: t("removeSection") }}
              />
            </div>
            <Texts
              label={t("sectionTitle")}
              value={section.title}
              path={`sections.${i}.title`}
              err={err}
              onChange={(l, v) => patch((d) => void (d.sections[i]!.title[l] = v))}
            />
            {section.kind === "fields" ? (
              <div className="mt-3 space-y-3">
                {section.fields.map((f, j) => (
                  <div key={j} className="rounded border border-slate-200 p-3" data-testid={`field-${i}-${j}`}>
                    <div className="flex flex-wrap items-end gap-3">
                      <Input
                        {...keyInput((d) => fieldsOf(d, i), j, `sections.${i}.fields.${j}`, f.key)}
                        className="w-36"
                      />
                      <Select {...typeSelect((d) => fieldsOf(d, i), j, FIELD_TYPES, f.type)} />
                      {f.type === "choice" && (
                        <Select
                          label={t("classifier")}
                          value={f.classifier}
                          error={err(`sections.${i}.fields.${j}.classifier`)}
                          options={[
                            { value: "", label: "—" },
                            ...classifiers.map((c) => ({ value: c.code, label: `${c.label} (${c.code})` })),
                          ]}
                          onChange={(v) => patch((d) => void (fieldsOf(d, i)[j]!.classifier = v))}
                        />
                      )}
                      <Bounds
                        t={t}
                        item={f}
                        path={`sections.${i}.fields.${j}`}
                        err={err}
                        numeric={(NUMERIC_TYPES as readonly string[]).includes(f.type)}
                        onChange={(k, v) => patch((d) => void Object.assign(fieldsOf(d, i)[j]!, { [k]: v }))}
                      />
                      <Toolbar
                        {...itemTools((d) => fieldsOf(d, i), j)}
                        labels={{ up: t("moveUp"), down: t("moveDown"), remove: t("removeField") }}
                      />
                    </div>
                    <Texts {...labelTexts((d) => fieldsOf(d, i), j, `sections.${i}.fields.${j}`, f.label)} />
                    <p className="mt-1 font-mono text-xs text-slate-500">{`${section.key}.${f.key}`}</p>
                  </div>
                ))}
                <FieldError message={err(`sections.${i}.fields`)} />
                <AddButton label={t("addField")} onClick={() => patch((d) => void fieldsOf(d, i).push(emptyField()))} />
              </div>
            ) : (
              <div className="mt-3 grid gap-4 lg:grid-cols-2">
                <div>
                  <h4 className="mb-2 text-sm font-semibold">{t("rows")}</h4>
                  <div className="space-y-2">
                    {section.rows.map((r, j) => (
                      <div key={j} className="rounded border border-slate-200 p-2" data-testid={`row-${i}-${j}`}>
                        <div className="flex items-end gap-2">
                          <Input
                            {...keyInput((d) => rowsOf(d, i), j, `sections.${i}.rows.${j}`, r.key)}
                            className="w-32"
                          />
                          <Toolbar
                            {...itemTools((d) => rowsOf(d, i), j)}
                            labels={{ up: t("moveUp"), down: t("moveDown"), remove: t("removeRow") }}
                          />
                        </div>
                        <Texts {...labelTexts((d) => rowsOf(d, i), j, `sections.${i}.rows.${j}`, r.label)} />
                      </div>
                    ))}
                    <FieldError message={err(`sections.${i}.rows`)} />
                    <AddButton label={t("addRow")} onClick={() => patch((d) => void rowsOf(d, i).push(emptyRow()))} />
                  </div>
                </div>
                <div>
                  <h4 className="mb-2 text-sm font-semibold">{t("columns")}</h4>
                  <div className="space-y-2">
                    {section.columns.map((c, j) => (
                      <div key={j} className="rounded border border-slate-200 p-2" data-testid={`column-${i}-${j}`}>
                        <div className="flex flex-wrap items-end gap-2">
                          <Input
                            {...keyInput((d) => columnsOf(d, i), j, `sections.${i}.columns.${j}`, c.key)}
                            className="w-32"
                          />
                          <Select {...typeSelect((d) => columnsOf(d, i), j, NUMERIC_TYPES, c.type)} />
                          <Bounds
                            t={t}
                            item={c}
                            path={`sections.${i}.columns.${j}`}
                            err={err}
                            numeric
                            onChange={(k, v) => patch((d) => void Object.assign(columnsOf(d, i)[j]!, { [k]: v }))}
                          />
                          <Toolbar
                            {...itemTools((d) => columnsOf(d, i), j)}
                            labels={{ up: t("moveUp"), down: t("moveDown"), remove: t("removeColumn") }}
                          />
                        </div>
                        <Texts {...labelTexts((d) => columnsOf(d, i), j, `sections.${i}.columns.${j}`, c.label)} />
                      </div>
                    ))}
                    <FieldError message={err(`sections.${i}.columns`)} />
                    <AddButton
                      label={t("addColumn")}
                      onClick={() => patch((d) => void columnsOf(d, i).push(emptyColumn()))}
                    />
                  </div>
                </div>
              </div>
            )}
          </section>
        ))}
        <FieldError message={err("sections")} />
        <div className="flex flex-wrap gap-2">
          <AddButton
            label={t("addFieldsSection")}
            onClick={() =>
              patch(
                (d) =>
                  void d.sections.push({
                    kind: "fields",
                    key: "",
                    title: emptyText(),
                    fields: [emptyField()],
                  }),
              )
            }
          />
          <AddButton
            label={t("addTableSection")}
            onClick={() =>
              patch(
                (d) =>
                  void d.sections.push({
                    kind: "table",
                    key: "",
                    title: emptyText(),
                    rows: [emptyRow()],
                    columns: [emptyColumn()],
                  }),
              )
            }
          />
        </div>

        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("rules")}>
          <h3 className="mb-1 font-semibold">{t("rules")}</h3>
          <p className="mb-3 text-xs text-slate-600">{t("rulesHint")}</p>
          <div className="space-y-3">
            {draft.rules.map((rule, k) => (
              <div key={k} className="rounded border border-slate-200 p-3" data-testid={`rule-${k}`}>
                <div className="flex flex-wrap items-end gap-3">
                  <Input
                    label={t("expression")}
                    value={rule.expression}
                    error={err(`rules.${k}.expression`)}
                    mono
                    onChange={(v) => patch((d) => void (d.rules[k]!.expression = v))}
                    className="min-w-72 flex-1"
                  />
                  <Select
                    label={t("severity")}
                    value={rule.severity}
                    options={[
                      { value: "error", label: t("severityError") },
                      { value: "warning", label: t("severityWarning") },
                    ]}
                    onChange={(v) => patch((d) => void (d.rules[k]!.severity = v as DRule["severity"]))}
                  />
                  <button
                    type="button"
                    onClick={() => patch((d) => void d.rules.splice(k, 1))}
                    className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-red-50"
                    aria-label={t("removeRule")}
                  >
                    ✕
                  </button>
                </div>
                <Texts
                  label={t("message")}
                  value={rule.message}
                  path={`rules.${k}.message`}
                  err={err}
                  onChange={(l, v) => patch((d) => void (d.rules[k]!.message[l] = v))}
                />
              </div>
            ))}
            <AddButton
              label={t("addRule")}
              onClick={() =>
                patch((d) => void d.rules.push({ expression: "", severity: "error", message: emptyText() }))
              }
            />
          </div>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-slate-700">{t("names", { count: names.length })}</summary>
            <p className="mt-1 break-words font-mono text-xs text-slate-600">{names.join("  ")}</p>
          </details>
        </section>
      </fieldset>
      {!locked && (
        <div className="sticky bottom-0 flex items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
          <Button
            type="button"
            onClick={save}
            disabled={pending}

            data-testid="designer-save"
          >
            {pending ? t("saving") : t("save")}
          </Button>
          {dirty && <span className="text-sm text-slate-600">{t("unsaved")}</span>}
        </div>
      )}
    </div>
  );
}

function FieldError({ message, id }: { message?: string; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700">
      {message}
    </p>
  );
}

function Input({
  label,
  value,
  onChange,
  error,
  mono,
  className,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  mono?: boolean;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`flex flex-col ${className ?? ""}`}>
      <label className="flex flex-col text-xs font-medium">
        <span className="mb-0.5">{label}</span>
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? id : undefined}
          className={`${inputClass(error)} ${mono ? "font-mono" : ""}`}
        />
      </label>
      <FieldError id={id} message={error} />
    </div>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
  error,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <label className="flex flex-col text-xs font-medium">
        <span className="mb-0.5">{label}</span>
        <select
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? id : undefined}
          className={inputClass(error)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={id} message={error} />
    </div>
  );
}

function Texts({
  label,
  value,
  path,
  err,
  onChange,
}: {
  label: string;
  value: LocalizedText;
  path: string;
  err: (p: string) => string | undefined;
  onChange: (lang: Langs, v: string) => void;
}) {
  return (
    <div className="mt-2 grid gap-2 sm:grid-cols-3">
      {LANGS.map((l) => (
        <Input
          key={l}
          label={`${label} (${l})`}
          value={value[l]}
          error={err(`${path}.${l}`) ?? (l === "kk" ? err(path) : undefined)}
          onChange={(v) => onChange(l, v)}
        />
      ))}
    </div>
  );
}

function Bounds({
  t,
  item,
  path,
  err,
  numeric,
  onChange,
}: {
  t: ReturnType<typeof useTranslations<"reporting.designer">>;
  item: { required: boolean; min: string; max: string };
  path: string;
  err: (p: string) => string | undefined;
  numeric: boolean;
  onChange: (key: "required" | "min" | "max", v: string | boolean) => void;
}) {
  return (
    <>
      <label className="flex items-center gap-1 pb-1.5 text-xs font-medium">
        <input type="checkbox" checked={item.required} onChange={(e) => onChange("required", e.target.checked)} />
        {t("required")}
      </label>
      {numeric && (
        <>
          <Input
            label={t("min")}
            value={item.min}
            error={err(`${path}.min`)}
            onChange={(v) => onChange("min", v)}
            className="w-24"
          />
          <Input
            label={t("max")}
            value={item.max}
            error={err(`${path}.max`)}
            onChange={(v) => onChange("max", v)}
            className="w-24"
          />
        </>
      )}
    </>
  );
}

function Toolbar({
  onUp,
  onDown,
  onRemove,
  labels,
}: {
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
  labels: { up: string; down: string; remove: string };
}): ReactNode {
  const cls = "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100";
  return (
    <div className="ml-auto flex gap-1">
      <button type="button" onClick={onUp} className={cls} aria-label={labels.up} title={labels.up}>
        ↑
      </button>
      <button type="button" onClick={onDown} className={cls} aria-label={labels.down} title={labels.down}>
        ↓
      </button>
      <button
        type="button"
        onClick={onRemove}
        className={`${cls} hover:bg-red-50`}
        aria-label={labels.remove}
        title={labels.remove}
      >
        ✕
      </button>
    </div>
  );
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded border border-dashed border-brand-600 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
    >
      + {label}
    </button>
  );
}
