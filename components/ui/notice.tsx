import type { ReactNode } from "react";

/** A page-level notice instead of the page's content (not allowed here, nothing chosen, unknown item). */
export function Notice({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg bg-white p-6 shadow-sm">
      {title && <h1 className="text-xl font-bold">{title}</h1>}
      <p className={title ? "mt-2 text-slate-600" : undefined}>{children}</p>
    </div>
  );
}
