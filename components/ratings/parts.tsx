import { Link } from "@/i18n/navigation";

/** A row of links choosing one value (level, territory, year); the current one is marked. */
export function Choice({
  label,
  items,
  testId,
}: {
  label: string;
  items: { key: string; label: string; href: string; current: boolean }[];
  testId: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm" data-testid={testId}>
      <span className="font-medium">{label}:</span>
      {items.map((i) => (
        <Link
          key={i.key}
          href={i.href}
          aria-current={i.current ? "true" : undefined}
          className={`rounded border px-2 py-1 no-underline ${i.current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:border-brand-600"}`}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}

/** The 90 % rank interval of the sensitivity analysis ("3–5", or one number when it is a single rank). */
export function intervalText(r: { p5: number | null; p95: number | null }): string {
  if (r.p5 === null || r.p95 === null) return "—";
  return r.p5 === r.p95 ? String(r.p5) : `${r.p5}–${r.p95}`;
}
