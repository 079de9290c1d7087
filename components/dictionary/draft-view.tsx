import { getTranslations } from "next-intl/server";
import type { EntryDraft } from "@/lib/dictionary/schemas";

/** A draft (or an entry as a draft) as readable lines: the review page shows two side by side. */
export async function DraftView({
  draft,
  compare,
  testId,
}: {
  draft: EntryDraft | null;
  compare?: EntryDraft | null;
  testId?: string;
}) {
  const t = await getTranslations("lexicography.editor");
  const tp = await getTranslations("dictionary.pos");
  const tt = await getTranslations("learn.themes");
  const tr = await getTranslations("dictionary.relations");
  if (!draft) return <p className="text-sm text-slate-500">{t("nothing")}</p>;
  const lines = (d: EntryDraft): string[] => [
    `${t("lemma")}: ${d.lemma}`,
    `${t("themes")}: ${d.themes.map((x) => tt(x)).join(", ") || "—"}`,
    ...d.senses.flatMap((s, i) => [
      `${t("sense", { n: i + 1 })}: ${s.partOfSpeech ? tp(s.partOfSpeech) : "—"}${s.gloss ? ` — ${s.gloss}` : ""}`,
      `  ${t("ru")}: ${s.ru.join("; ") || "—"}`,
      `  ${t("en")}: ${s.en.join("; ") || "—"}`,
      ...s.examples.map((e) => `  ${t("example")}: ${[e.kk, e.ru, e.en].filter(Boolean).join(" | ")}`),
    ]),
    ...d.related.map((r) => `${tr(r.kind)}: ${r.slug}`),
  ];
  const mine = lines(draft);
  const other = compare ? new Set(lines(compare)) : null;
  return (
    <ul className="space-y-0.5 font-mono text-sm" data-testid={testId}>
      {mine.map((line, i) => {
        const changed = other !== null && !other.has(line);
        return (
          <li
            key={i}
            className={`whitespace-pre-wrap rounded px-1 ${changed ? "bg-amber-100" : ""}`}
            data-changed={changed || undefined}
          >
            {line}
          </li>
        );
      })}
    </ul>
  );
}
