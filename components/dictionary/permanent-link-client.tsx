"use client";

import { useState } from "react";
import { useBrowserValue } from "@/components/ui/use-browser-value";

/** The entry's permanent address, with a copy button. */
export function PermanentLink({
  path,
  label,
  copyLabel,
  copiedLabel,
}: {
  path: string;
  label: string;
  copyLabel: string;
  copiedLabel: string;
}) {
  const url = useBrowserValue(() => `${window.location.origin}${path}`, path);
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">{label}</span>
      <a href={path} className="break-all font-mono text-xs" data-testid="permanent-link">
        {url}
      </a>
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? copiedLabel : copyLabel}
      </button>
    </div>
  );
}
