"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/actions";
import { Select, Textarea } from "@/components/ui/input";

/** The largest XLSX workbook the server takes (lib/diary/schemas.ts XLSX_MAX_BYTES). */
const XLSX_MAX_BYTES = 512 * 1024;

/** A file's bytes as base64, in chunks so that large files do not overflow the argument list. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A CSV file's text: UTF-8 (with or without a byte order mark) when its bytes are valid UTF-8, otherwise
 * Windows-1251, the encoding of old Russian-locale exports (the server's import reader decides the same way).
 */
async function csvText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/**
 * Student import: choose a CSV or XLSX file (or paste the rows), send it; a refused file lists its problems
 * row by row (nothing is saved until every row is right).
 */
export function StudentImportForm({
  action,
  classes,
}: {
  action: FormAction;
  classes: { id: string; label: string }[];
}) {
  const t = useTranslations("diary.setup");
  const [state, formAction, pending] = useActionState(action, null);
  const [csv, setCsv] = useState("");
  const [xlsx, setXlsx] = useState<{ name: string; data: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const rows = Object.entries(state?.fieldErrors ?? {})
    .filter(([k]) => k.startsWith("rows."))
    .map(([k, message]) => ({ line: Number(k.slice(5)), message }))
    .sort((a, b) => a.line - b.line);
  return (
    <form action={formAction} className="space-y-3" data-testid="student-import">
      {state?.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded border p-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}
        >
          {state.message}
        </p>
      )}
      {rows.length > 0 && (
        <table className="text-sm" data-testid="import-problems">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="pr-3">
                {t("row")}
              </th>
              <th scope="col">{t("problem")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} className="border-t border-slate-100">
                <td className="pr-3 tabular-nums">{r.line}</td>
                <td className="text-red-800">{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="block text-sm">
        <span className="font-medium">{t("class")}</span>
        <Select name="classGroupId" density="sm" className="mt-1 w-full" required>
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("file")}</span>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setFileError(null);
            setXlsx(null);
            if (!file) return;
            if (!file.name.toLowerCase().endsWith(".xlsx")) return setCsv(await csvText(file));
            if (file.size > XLSX_MAX_BYTES) return setFileError(t("fileTooLarge"));
            setCsv("");
            setXlsx({ name: file.name, data: await base64Of(file) });
          }}
        />
      </label>
      <input type="hidden" name="xlsx" value={xlsx?.data ?? ""} />
      {fileError && (
        <p role="alert" className="text-sm text-red-700">
          {fileError}
        </p>
      )}
      {xlsx && (
        <p className="text-sm text-slate-700" data-testid="xlsx-chosen">
          {t("xlsxChosen", { name: xlsx.name })}
        </p>
      )}
      <label className="block text-sm">
        <span className="font-medium">{t("rows")}</span>
        <span className="block text-xs text-slate-500">{t("csvHint")}</span>
        <Textarea
          name="csv"
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setXlsx(null);
          }}
          rows={6}
          density="sm"
          className="mt-1 w-full font-mono text-xs"
        />
      </label>
      {(state?.fieldErrors?.csv ?? state?.fieldErrors?.xlsx) && (
        <p className="text-sm text-red-700">{state?.fieldErrors?.csv ?? state?.fieldErrors?.xlsx}</p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-60"
      >
        {pending ? t("importing") : t("import")}
      </button>
    </form>
  );
}
