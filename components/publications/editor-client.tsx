"use client";

import { useEffect, useId, useState } from "react";
import { useFormResult } from "@/components/forms/action-form-client";
import { previewMarkdownAction } from "@/lib/publications/preview";

/** The Markdown text of a publication with a live preview rendered by the server's sanitising renderer. */
export function MarkdownEditor({
  name = "body",
  label,
  hint,
  previewLabel,
  previewEmpty,
  defaultValue,
}: {
  name?: string;
  label: string;
  hint: string;
  previewLabel: string;
  previewEmpty: string;
  defaultValue: string;
}) {
  const state = useFormResult();
  const id = useId();
  const error = state?.fieldErrors?.[name];
  const initial =
    state && !state.ok && state.values && name in state.values ? (state.values[name] ?? "") : defaultValue;
  const [text, setText] = useState(initial);
  const [html, setHtml] = useState("");
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const form = new FormData();
      form.set("body", text);
      previewMarkdownAction(null, form).then(
        (r) => live && setHtml(r.ok && typeof r.data === "string" ? r.data : ""),
        () => {},
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium">
          {label}
        </label>
        <textarea
          id={id}
          name={name}
          rows={18}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={Boolean(error)}
          data-testid="publication-body"
          className={`w-full rounded border px-3 py-2 font-mono text-sm ${error ? "border-red-500 bg-red-50" : "border-slate-300 bg-white"}`}
        />
        {error ? (
          <p className="mt-1 text-sm text-red-700">{error}</p>
        ) : (
          <p className="mt-1 text-xs text-slate-500">{hint}</p>
        )}
      </div>
      <div>
        <p className="mb-1 text-sm font-medium">{previewLabel}</p>
        {html ? (
          <div
            className="prose max-w-none rounded border border-slate-200 bg-white p-3 text-sm"
            data-testid="publication-preview"
            dangerouslySetInnerHTML={{ __html: html }}
          />
        ) : (
          <p className="rounded border border-dashed border-slate-300 p-3 text-sm text-slate-500">{previewEmpty}</p>
        )}
      </div>
    </div>
  );
}
