"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import {
  checkValues,
  type Field,
  type FormDefinition,
  type LocalizedText,
  type Scalar,
} from "@/lib/reporting/definition";
import { prefillDraftAction, saveDraftAction, submitReportAction } from "@/lib/reporting/actions-entry";
import type { PrefillRecord } from "@/lib/reporting/prefill-rules";
import { runtimeKeys } from "@/i18n/keys";
import { Button } from "@/components/ui/button";
import { formatClock, formatDateTime, formatDay, formatNumber } from "@/lib/format";

export type EntryMode = "edit" | "readonly" | "preview";

type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string };

interface UploadProblem {
  row?: number;
  column?: string;
  message: string;
}

const pick = (text: LocalizedText, locale: string) => (locale === "ru" ? text.ru : locale === "en" ? text.en : text.kk);
const asText = (v: Scalar | undefined) => (v === null || v === undefined ? "" : String(v));

const AUTOSAVE_MS = 800;

/**
 * A report form as the organisation sees it: plain sections as labelled fields, table sections as grids
 * with row and column headers; problems of a value next to its cell, rule outcomes below, a comment box for
 * each violated warning. In "edit" mode every change is saved as a draft after a short pause (optimistic
 * version; saved/error state shown) and the report can be uploaded from a template and submitted; "readonly"
 * shows a handed-over report; "preview" is the designer's view of the same form (checks run, nothing saved).
 */
export function EntryForm({
  mode,
  definition,
  choices,
  initialValues,
  initialComments,
  periodId,
  organizationId,
  version: initialVersion = 0,
  templates,
  prefill,
}: {
  mode: EntryMode;
  definition: FormDefinition;
  choices: Record<string, { code: string; label: string }[]>;
  initialValues: Record<string, Scalar>;
  initialComments: Record<string, string>;
  periodId?: string;
  organizationId?: string;
  version?: number;
  templates?: { csv: string; xlsx: string };
  /** The form has cells mapped to the registry/passport; the draft's record of its last fill. */
  prefill?: { available: boolean; record: PrefillRecord | null };
}) {
  const t = useTranslations("reporting.entry");
  const tr = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(initialValues).map(([k, v]) => [k, asText(v)])),
  );
  const [comments, setComments] = useState<Record<string, string>>(initialComments);
  const [strict, setStrict] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [uploadProblems, setUploadProblems] = useState<UploadProblem[] | null>(null);
  const [uploadMessage, setUploadMessage] = useState<string | null>(null);
  const [prefillRecord, setPrefillRecord] = useState<PrefillRecord | null>(prefill?.record ?? null);
  const [filling, setFilling] = useState(false);
  const [prefillError, setPrefillError] = useState<string | null>(null);
  const tp = useTranslations("reporting.prefill");

  const versionRef = useRef(initialVersion);
  const valuesRef = useRef(values);
  const commentsRef = useRef(comments);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const editable = mode !== "readonly";

  const codes = useMemo(
    () => Object.fromEntries(Object.entries(choices).map(([k, items]) => [k, items.map((i) => i.code)])),
    [choices],
  );
  const checked = useMemo(
    () => checkValues(definition, values, { mode: strict ? "submit" : "draft", comments, choices: codes }),
    [definition, values, comments, strict, codes],
  );
  const problems = useMemo(() => {
    const out: Record<string, string> = {};
    for (const p of checked.problems) out[p.key] ??= runtimeKeys(tr)(`errors.${p.code}`, p.params ?? {});
    return out;
  }, [checked, tr]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (mode !== "edit" || !periodId || !organizationId) return true;
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (inflight.current) await inflight.current;
    if (!dirty.current) return true;
    dirty.current = false;
    const fd = new FormData();
    fd.set("periodId", periodId);
    fd.set("organizationId", organizationId);
    fd.set("version", String(versionRef.current));
    fd.set("values", JSON.stringify(valuesRef.current));
    fd.set("comments", JSON.stringify(commentsRef.current));
    setSave({ kind: "saving" });
    const run = saveDraftAction(null, fd).then(
      (result) => {
        if (result.ok && result.data) {
          const data = result.data as { version: number; savedAt: string };
          versionRef.current = data.version;
          // Changes typed while this save was on its way are saved next.
          setSave(dirty.current ? { kind: "pending" } : { kind: "saved", at: data.savedAt });
          return true;
        }
        dirty.current = true;
        setSave({ kind: "error", message: describe(result) });
        return false;
      },
      () => {
        dirty.current = true;
        setSave({ kind: "error", message: t("saveFailed") });
        return false;
      },
    );
    inflight.current = run;
    const ok = await run;
    inflight.current = null;
    return ok;
  }, [mode, periodId, organizationId, t]);

  const schedule = () => {
    if (mode !== "edit") return;
    dirty.current = true;
    setSave((s) => (s.kind === "error" ? s : { kind: "pending" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current || inflight.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => window.removeEventListener("beforeunload", beforeUnload);
  }, []);

  const setValue = (key: string, v: string) => {
    const next = { ...valuesRef.current, [key]: v };
    if (v === "") delete next[key];
    valuesRef.current = next;
    setValues(next);
    schedule();
  };
  const setComment = (index: number, v: string) => {
    const next = { ...commentsRef.current, [String(index)]: v };
    commentsRef.current = next;
    setComments(next);
    schedule();
  };

  const submit = async () => {
    setStrict(true);
    setSubmitError(null);
    const result = checkValues(definition, valuesRef.current, {
      mode: "submit",
      comments: commentsRef.current,
      choices: codes,
    });
    if (!result.submittable) {
      setSubmitError(t("fixBeforeSubmit"));
      await flush();
      return;
    }
    setSubmitting(true);
    if (versionRef.current === 0) dirty.current = true;
    const saved = await flush();
    if (!saved) {
      setSubmitting(false);
      return;
    }
    const fd = new FormData();
    fd.set("periodId", periodId!);
    fd.set("organizationId", organizationId!);
    fd.set("version", String(versionRef.current));
    fd.set("comments", JSON.stringify(commentsRef.current));
    const response = await submitReportAction(null, fd);
    setSubmitting(false);
    if (response.ok) router.refresh();
    else setSubmitError(describe(response));
  };

  const upload = async (form: HTMLFormElement) => {
    setUploadProblems(null);
    setUploadMessage(null);
    const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    if (!file) {
      setUploadMessage(t("chooseFile"));
      return;
    }
    if (!(await flush())) return;
    const fd = new FormData();
    fd.set("periodId", periodId!);
    fd.set("organizationId", organizationId!);
    fd.set("version", String(versionRef.current));
    fd.set("locale", locale);
    fd.set("file", file);
    setSave({ kind: "saving" });
    try {
      // the report's ids in the query too, so the server checks access before it reads the file
      const target = new URLSearchParams({ periodId: periodId!, organizationId: organizationId! });
      const response = await fetch(`/api/v1/reporting/template/upload?${target}`, { method: "POST", body: fd });
      const body = (await response.json()) as {
        version?: number;
        values?: Record<string, Scalar>;
        error?: { message: string; problems?: UploadProblem[] };
      };
      if (response.ok && body.version !== undefined) {
        // The file's values replace the draft: shown at once, and the page (status, version) is refreshed.
        versionRef.current = body.version;
        const next = Object.fromEntries(Object.entries(body.values ?? {}).map(([k, v]) => [k, asText(v)]));
        valuesRef.current = next;
        setValues(next);
        setSave({ kind: "saved", at: new Date().toISOString() });
        form.reset();
        router.refresh();
      } else {
        setSave({ kind: "idle" });
        setUploadMessage(body.error?.message ?? t("uploadFailed"));
        setUploadProblems(body.error?.problems ?? []);
      }
    } catch {
      setSave({ kind: "idle" });
      setUploadMessage(t("uploadFailed"));
    }
  };

  /** Fills the mapped cells from the registry and the passport (after the pending changes are saved). */
  const fillFromSources = async () => {
    setPrefillError(null);
    if (!(await flush())) return;
    setFilling(true);
    const fd = new FormData();
    fd.set("periodId", periodId!);
    fd.set("organizationId", organizationId!);
    fd.set("version", String(versionRef.current));
    setSave({ kind: "saving" });
    try {
      const result = await prefillDraftAction(null, fd);
      if (result.ok && result.data) {
        const data = result.data as {
          version: number;
          savedAt: string;
          values: Record<string, Scalar>;
          prefill: PrefillRecord;
        };
        versionRef.current = data.version;
        const next = Object.fromEntries(Object.entries(data.values).map(([k, v]) => [k, asText(v)]));
        valuesRef.current = next;
        setValues(next);
        setPrefillRecord(data.prefill);
        setSave({ kind: "saved", at: data.savedAt });
      } else {
        setSave({ kind: "idle" });
        setPrefillError(describe(result));
      }
    } catch {
      setSave({ kind: "idle" });
      setPrefillError(t("saveFailed"));
    } finally {
      setFilling(false);
    }
  };
  /** A prefilled cell's mark: its source, and the source's figure when the value now differs from it. */
  const prefillMark = (key: string): ReactNode => {
    const cell = prefillRecord?.cells[key];
    if (!cell) return null;
    const shown = (v: number | boolean) =>
      typeof v === "boolean" ? (v ? tp("yes") : tp("no")) : formatNumber(v, locale, { maximumFractionDigits: 4 });
    const same = (values[key] ?? "") === asText(cell.value);
    return (
      <span className="mt-0.5 block text-xs text-sky-800" data-testid="prefilled" data-key={key} data-changed={!same}>
        {tp(`badge.${cell.source}`)}
        {!same && <span className="ml-1 text-amber-800">· {tp("differs", { value: shown(cell.value) })}</span>}
      </span>
    );
  };
  const prefillSources = prefillRecord
    ? [...new Set(Object.values(prefillRecord.cells).map((c) => c.source))].map((s) => tp(`source.${s}`)).join(", ")
    : "";

  const violated = checked.rules.filter((r) => r.passed === false);
  /** The cells a violated rule reads, with the strongest severity, so they are highlighted in the form. */
  const flagged = new Map<string, { severity: "error" | "warning"; rules: number[] }>();
  for (const r of violated)
    for (const c of r.cells) {
      const f = flagged.get(c.key) ?? { severity: r.severity, rules: [] };
      if (r.severity === "error") f.severity = "error";
      f.rules.push(r.index);
      flagged.set(c.key, f);
    }
  /** A cell's name as the form shows it: "Section — row — column" or "Section — field". */
  const cellName = (key: string): string => {
    const [sectionKey, ...rest] = key.split(".");
    const section = definition.sections.find((x) => x.key === sectionKey);
    if (!section) return key;
    if (section.kind === "fields") {
      const f = section.fields.find((x) => x.key === rest[0]);
      return f ? pick(f.label, locale) : key;
    }
    const row = section.rows.find((x) => x.key === rest[0]);
    const col = section.columns.find((x) => x.key === rest[1]);
    return row && col ? `${pick(row.label, locale)} — ${pick(col.label, locale)}` : key;
  };

  return (
    <div className="space-y-5" data-testid="entry-form" data-mode={mode}>
      {mode === "preview" && (
        <p role="note" className="rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-900">
          {t("previewNote")}
        </p>
      )}
      {mode === "edit" && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-3 text-sm shadow-sm">
          <span
            aria-live="polite"
            data-testid="save-state"
            data-state={save.kind}
            className={save.kind === "error" ? "text-red-700" : "text-slate-600"}
          >
            {save.kind === "saving" || save.kind === "pending"
              ? t("saving")
              : save.kind === "saved"
                ? t("savedAt", {
                    time: formatClock(new Date(save.at), true),
                  })
                : save.kind === "error"
                  ? save.message
                  : t("autosaveHint")}
          </span>
          {templates && (
            <span className="ml-auto flex gap-2">
              <a
                href={templates.csv}
                className="rounded border border-slate-300 px-2 py-1 no-underline hover:bg-slate-100 hover:no-underline"
                download
              >
                {t("templateCsv")}
              </a>
              <a
                href={templates.xlsx}
                className="rounded border border-slate-300 px-2 py-1 no-underline hover:bg-slate-100 hover:no-underline"
                download
              >
                {t("templateXlsx")}
              </a>
            </span>
          )}
        </div>
      )}

      {mode === "edit" && prefill?.available && (
        <div className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm" data-testid="prefill-panel">
          <div className="flex flex-wrap items-center gap-3">
            <Button
              type="button"
              variant="secondary"
              onClick={() => void fillFromSources()}
              disabled={filling}
              data-testid="prefill-button"
            >
              {filling ? tp("filling") : tp("button")}
            </Button>
            <span className="text-slate-700">{tp("hint")}</span>
          </div>
          {prefillRecord && (
            <p className="text-slate-700" data-testid="prefill-note">
              {tp("note", {
                date: formatDateTime(new Date(prefillRecord.at), locale),
                referenceDate: formatDay(prefillRecord.referenceDate, locale),
                sources: prefillSources,
              })}
            </p>
          )}
          {prefillError && (
            <p role="alert" className="text-red-800" data-testid="prefill-error">
              {prefillError}
            </p>
          )}
        </div>
      )}
      {mode === "readonly" && prefillRecord && (
        <p className="text-sm text-slate-600" data-testid="prefill-note">
          {tp("note", {
            date: formatDateTime(new Date(prefillRecord.at), locale),
            referenceDate: formatDay(prefillRecord.referenceDate, locale),
            sources: prefillSources,
          })}
        </p>
      )}

      {definition.sections.map((section) => (
        <section
          key={section.key}
          className="rounded-lg bg-white p-4 shadow-sm"
          aria-labelledby={`s-${section.key}`}
          data-section={section.key}
        >
          <h2 id={`s-${section.key}`} className="mb-3 text-lg font-semibold">
            {pick(section.title, locale)}
          </h2>
          {section.kind === "fields" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {section.fields.map((f) => {
                const key = `${section.key}.${f.key}`;
                return (
                  <div key={key}>
                    <label htmlFor={`v-${key}`} className="mb-1 block text-sm font-medium">
                      {pick(f.label, locale)}
                      {f.required && (
                        <span aria-hidden className="text-red-700">
                          {" "}
                          *
                        </span>
                      )}
                    </label>
                    <ValueInput
                      id={`v-${key}`}
                      valueKey={key}
                      field={f}
                      value={values[key] ?? ""}
                      error={problems[key]}
                      flag={flagged.get(key)}
                      disabled={!editable}
                      choices={f.classifier ? choices[f.classifier] : undefined}
                      onChange={(v) => setValue(key, v)}
                      t={t}
                    />
                    <CellError id={`v-${key}-error`} message={problems[key]} />
                    {prefillMark(key)}
                  </div>
                );
              })}
            </div>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="min-w-full border-collapse text-sm">
                <thead>
                  <tr>
                    <th scope="col" className="border border-slate-200 bg-slate-50 p-2 text-left" />
                    {section.columns.map((c) => (
                      <th
                        key={c.key}
                        scope="col"
                        className="border border-slate-200 bg-slate-50 p-2 text-left font-medium"
                      >
                        {pick(c.label, locale)}
                        {c.required && (
                          <span aria-hidden className="text-red-700">
                            {" "}
                            *
                          </span>
                        )}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {section.rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row" className="border border-slate-200 bg-slate-50 p-2 text-left font-medium">
                        {pick(r.label, locale)}
                      </th>
                      {section.columns.map((c) => {
                        const key = `${section.key}.${r.key}.${c.key}`;
                        return (
                          <td key={c.key} className="border border-slate-200 p-1 align-top">
                            <ValueInput
                              id={`v-${key}`}
                              valueKey={key}
                              field={c}
                              value={values[key] ?? ""}
                              error={problems[key]}
                              flag={flagged.get(key)}
                              disabled={!editable}
                              label={`${pick(r.label, locale)} — ${pick(c.label, locale)}`}
                              onChange={(v) => setValue(key, v)}
                              t={t}
                              compact
                            />
                            <CellError id={`v-${key}-error`} message={problems[key]} />
                            {prefillMark(key)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}

      {violated.length > 0 && (
        <section
          className="rounded-lg bg-white p-4 shadow-sm"
          aria-labelledby="rule-outcomes"
          data-testid="rule-outcomes"
        >
          <h2 id="rule-outcomes" className="mb-2 text-lg font-semibold">
            {t("checks")}
          </h2>
          <ul className="space-y-3">
            {violated.map((r) => (
              <li
                key={r.index}
                id={`rule-${r.index}`}
                data-rule={r.index}
                data-severity={r.severity}
                className={`rounded border p-2 text-sm ${r.severity === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900"}`}
              >
                <span className="font-medium">{r.severity === "error" ? t("ruleError") : t("ruleWarning")}:</span>{" "}
                {pick(r.message, locale)}
                {r.cells.length > 0 && (
                  <span className="mt-1 block text-xs" data-testid="rule-figures">
                    {t("figures")}:{" "}
                    {r.cells
                      .map(
                        (c) =>
                          `${cellName(c.key)} = ${typeof c.value === "number" ? formatNumber(c.value, locale, { maximumFractionDigits: 4 }) : c.value === null || c.value === "" ? "—" : String(c.value)}`,
                      )
                      .join("; ")}
                  </span>
                )}
                {r.severity === "warning" && (
                  <label className="mt-2 block text-slate-900">
                    <span className="mb-1 block text-xs font-medium">{t("comment")}</span>
                    <textarea
                      value={comments[String(r.index)] ?? ""}
                      onChange={(e) => setComment(r.index, e.target.value)}
                      disabled={!editable}
                      maxLength={2000}
                      rows={2}
                      aria-invalid={strict && r.needsComment}
                      className={`w-full rounded border px-2 py-1 ${strict && r.needsComment ? "border-red-500" : "border-slate-300"}`}
                    />
                    {strict && r.needsComment && <span className="text-xs text-red-700">{t("commentRequired")}</span>}
                  </label>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {mode === "edit" && (
        <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void upload(e.currentTarget);
            }}
          >
            <label className="flex flex-col text-sm">
              <span className="mb-1 font-medium">{t("uploadLabel")}</span>
              <input
                type="file"
                name="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className="text-sm"
              />
            </label>
            <button type="submit" className="rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100">
              {t("upload")}
            </button>
            <span className="text-xs text-slate-500">{t("uploadHint")}</span>
          </form>
          {uploadMessage && (
            <div
              role="alert"
              className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800"
              data-testid="upload-problems"
            >
              <p>{uploadMessage}</p>
              {uploadProblems && uploadProblems.length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {uploadProblems.map((p, i) => (
                    <li key={i}>
                      {p.row !== undefined && (
                        <span className="font-medium">{t("atRow", { row: p.row, column: p.column ?? "—" })} </span>
                      )}
                      {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {submitError && (
            <p
              role="alert"
              className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800"
              data-testid="submit-error"
            >
              {submitError}
            </p>
          )}
          <Button
            type="button"
            onClick={() => void submit()}
            disabled={submitting}

            data-testid="submit-report"
          >
            {submitting ? t("submitting") : t("submit")}
          </Button>
        </section>
      )}
      {mode === "preview" && (
        <Button type="button" onClick={() => setStrict(true)} variant="secondary">
          {t("checkAll")}
        </Button>
      )}
    </div>
  );
}

/** What a refused action says: its detailed reasons when it gives them, else its summary. */
function describe(result: { message?: string; fieldErrors?: Record<string, string> }): string {
  const details = Object.values(result.fieldErrors ?? {});
  return [...new Set(details)].join(" ") || result.message || "";
}

function CellError({ id, message }: { id: string; message?: string }): ReactNode {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700">
      {message}
    </p>
  );
}

function ValueInput({
  id,
  valueKey,
  field,
  value,
  error,
  flag,
  disabled,
  choices,
  label,
  onChange,
  t,
  compact,
}: {
  id: string;
  valueKey: string;
  field: Pick<Field, "type" | "required">;
  value: string;
  error?: string;
  /** The cell is read by violated rules: highlighted and described by them. */
  flag?: { severity: "error" | "warning"; rules: number[] };
  disabled: boolean;
  choices?: { code: string; label: string }[];
  label?: string;
  onChange: (v: string) => void;
  t: ReturnType<typeof useTranslations<"reporting.entry">>;
  compact?: boolean;
}) {
  const common = {
    id,
    name: valueKey,
    "data-key": valueKey,
    disabled,
    "aria-label": label,
    "aria-invalid": Boolean(error) || flag?.severity === "error",
    "aria-describedby":
      [error ? `${id}-error` : "", ...(flag?.rules ?? []).map((r) => `rule-${r}`)].filter(Boolean).join(" ") ||
      undefined,
    "aria-required": field.required || undefined,
    "data-flagged": flag?.severity,
    className: `w-full rounded border px-2 ${compact ? "min-w-20 py-1 text-right tabular-nums" : "py-2"} ${error || flag?.severity === "error" ? "border-red-500 bg-red-50" : flag ? "border-amber-500 bg-amber-50" : "border-slate-300 bg-white"} disabled:bg-slate-50 disabled:text-slate-800`,
  };
  switch (field.type) {
    case "boolean":
      return (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          <option value="true">{t("yes")}</option>
          <option value="false">{t("no")}</option>
        </select>
      );
    case "choice":
      return (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {(choices ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
          {value && !(choices ?? []).some((c) => c.code === value) && <option value={value}>{value}</option>}
        </select>
      );
    case "date":
      return <input {...common} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
    case "text":
      return (
        <input {...common} type="text" value={value} maxLength={2000} onChange={(e) => onChange(e.target.value)} />
      );
    default:
      return (
        <span className="flex items-center gap-1">
          <input
            {...common}
            type="text"
            inputMode={field.type === "integer" ? "numeric" : "decimal"}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          {field.type === "percentage" && <span aria-hidden>%</span>}
        </span>
      );
  }
}
