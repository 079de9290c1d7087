import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";

/** Pieces of the pages that document the public APIs (open data, dictionary, ratings). */

/** A page documenting an API: the way back to the part of the portal it serves, its title and lead. */
export function ApiDocPage({
  back,
  title,
  lead,
  children,
}: {
  back: { href: string; label: string };
  title: string;
  lead: string;
  children: ReactNode;
}) {
  return (
    <article className="max-w-4xl space-y-6">
      <nav className="text-sm">
        <Link href={back.href}>{back.label}</Link>
      </nav>
      <header>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="mt-1 text-slate-700">{lead}</p>
      </header>
      {children}
    </article>
  );
}

/** Class of a request or response example block. */
export const CODE_BLOCK =
  "block whitespace-pre-wrap break-words rounded bg-slate-900 p-3 font-mono text-xs text-slate-100 [overflow-wrap:anywhere]";

/** An API's query parameters: name and meaning per row. */
export function ParamsTable({
  caption,
  paramLabel,
  meaningLabel,
  rows,
}: {
  caption: string;
  paramLabel: string;
  meaningLabel: string;
  rows: [string, string][];
}) {
  return (
    <table className="w-full rounded-lg bg-white text-sm shadow-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-100 text-left">
        <tr>
          <th className="px-3 py-2">{paramLabel}</th>
          <th className="px-3 py-2">{meaningLabel}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([name, text]) => (
          <tr key={name}>
            <td className="px-3 py-2 font-mono [overflow-wrap:anywhere]">{name}</td>
            <td className="px-3 py-2">{text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Example requests of an API documentation page: a label and the link to try. */
export function ExampleLinks({ examples }: { examples: [label: string, href: string][] }) {
  return (
    <ul className="space-y-2 text-sm">
      {examples.map(([label, href]) => (
        <li key={href}>
          <span className="block">{label}</span>
          <a href={href} className="break-all font-mono text-xs">
            {href}
          </a>
        </li>
      ))}
    </ul>
  );
}
