import { localName } from "@/lib/names";
import type { LocalizedText } from "@/lib/reporting/definition";
import type { PeriodOption } from "@/lib/reporting/review";

/** A trilingual text in a locale. */
export function localText(text: LocalizedText, locale: string): string {
  return localName({ nameKk: text.kk, nameRu: text.ru, nameEn: text.en }, locale);
}

/** "2026 · D-1 — Contingent of students · 2026": a period as a select option. */
export function periodLabel(p: PeriodOption, locale: string): string {
  return `${p.year} · ${p.formCode} — ${localText(p.formName, locale)} · ${p.label}`;
}
