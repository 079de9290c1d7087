"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/actions";

/**
 * Student import: choose a CSV file (or paste the rows), send it; a refused file lists its problems row by
 * row (nothing is saved until every row is right).
 */
export function StudentImportForm({ action, classes }: { action: FormAction; classes: { id: string; label: string }[] }) {
  const t = useTranslations("diary.setup");
  const [state, formAction, pending] = useActionState(action, null);
  const [csv, setCsv] = useState("");
  const rows = Object.entries(state?.fieldErrors ?? {})
    .filter(([k]) => k.startsWith("rows."))
    .map(([k, message]) => ({ line: Number(k.slice(5)), message }))
    .sort((a, b) => a.line - b.line);
  return (
    <form action={formAction} className="space-y-3" data-testid="student-import">
      {state?.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded border p-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}>
          {state.message}
        </p>
      )}
      {rows.length > 0 && (
        <table className="text-sm" data-testid="import-problems">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="pr-3">{t("row")}</th>
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
        <select name="classGroupId" className="mt-1 w-full rounded border border-slate-300 px-2 py-1" required>
          {classes.map((c) => (
            <option key={c.id} value={c.id}>{c.label}</option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("file")}</span>
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          className="mt-1 block"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setCsv(await file.text());
          }}
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("rows")}</span>
        <span className="block text-xs text-slate-500">{t("csvHint")}</span>
        <textarea name="csv" value={csv} onChange={(e) => setCsv(e.target.value)} rows={6} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
      </label>
      {state?.fieldErrors?.csv && <p className="text-sm text-red-700">{state.fieldErrors.csv}</p>}
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-60">
        {pending ? t("importing") : t("import")}
      </button>
    </form>
  );
}
