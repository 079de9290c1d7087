import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/search/types";

/** Text with the engine's match marks rendered as <mark> (everything else stays plain text). */
export function Marked({ text }: { text: string }) {
  const parts: { text: string; mark: boolean }[] = [];
  let mark = false;
  let current = "";
  for (const ch of text) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      if (current) parts.push({ text: current, mark });
      current = "";
      mark = ch === HIGHLIGHT_START;
    } else current += ch;
  }
  if (current) parts.push({ text: current, mark });
  return (
    <>
      {parts.map((p, i) =>
        p.mark ? (
          <mark key={i} className="rounded bg-sun/60 px-0.5 text-inherit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
