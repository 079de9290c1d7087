"use client";

/** Opens the browser's print dialog (the page's print stylesheet hides navigation and controls). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
