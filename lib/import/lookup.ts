/**
 * Finding a referenced record by what a source writes for it: its code (a KATO code, a classifier code) or
 * one of its names in kk/ru/en, compared with the portal's normalisation (case, punctuation, Latin
 * look-alikes inside Cyrillic words) and across the Kazakh Latin and Cyrillic alphabets.
 */
import { cyrToLat, normalizeText } from "../text";

export interface LookupItem {
  id: string;
  code: string;
  names: readonly string[];
}

export type Found = { ok: true; id: string } | { ok: false; problem: "unknown" | "ambiguous" };

function nameKey(name: string): string {
  return cyrToLat(normalizeText(name).replace(/ё/g, "е"));
}

export class Lookup {
  private readonly byCode = new Map<string, string>();
  private readonly byName = new Map<string, Set<string>>();

  constructor(items: readonly LookupItem[]) {
    for (const item of items) {
      this.byCode.set(item.code.trim().toLowerCase(), item.id);
      for (const name of item.names) {
        const key = nameKey(name);
        if (!key) continue;
        const ids = this.byName.get(key) ?? new Set<string>();
        ids.add(item.id);
        this.byName.set(key, ids);
      }
    }
  }

  find(text: string): Found {
    const byCode = this.byCode.get(text.trim().toLowerCase());
    if (byCode) return { ok: true, id: byCode };
    const ids = this.byName.get(nameKey(text));
    if (!ids?.size) return { ok: false, problem: "unknown" };
    if (ids.size > 1) return { ok: false, problem: "ambiguous" };
    return { ok: true, id: [...ids][0]! };
  }
}
