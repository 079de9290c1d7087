import type { ReactNode } from "react";

/** A public page's heading and lead, with its links or actions (`children`) on the right. */
export function PageHeading({ title, lead, children }: { title: string; lead: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{lead}</p>
      </div>
      {children}
    </div>
  );
}
