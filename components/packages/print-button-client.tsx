"use client";

/** Opens the browser's print dialog (the page has a print layout). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-slate-300 bg-white px-3 py-1 text-sm print:hidden"
    >
      {label}
    </button>
  );
}
