import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en/admin.json";
import ru from "@/messages/ru/admin.json";
import kk from "@/messages/kk/admin.json";
import { ruleInWords, type Phrase, type WordsSection } from "./rule-words";

const T = (kk: string, ru: string, en: string) => ({ kk, ru, en });
const sections: WordsSection[] = [
  {
    key: "contingent",
    title: T("Контингент", "Контингент", "Contingent"),
    cells: [
      { key: "total", label: T("Барлығы", "Всего", "Total") },
      { key: "girls", label: T("Қыздар", "Девочки", "Girls") },
    ],
    rows: [],
  },
  {
    key: "grades",
    title: T("Сыныптар", "Классы", "Grades"),
    cells: [{ key: "total", label: T("Барлығы", "Всего", "Total") }],
    rows: [{ key: "g1", label: T("1-сынып", "1 класс", "Grade 1") }],
  },
];

const phrase = (messages: { configuration: { words: Record<string, string> } }, locale: string): Phrase => {
  const t = createTranslator({ locale, messages: messages.configuration.words, namespace: undefined as never });
  return (key, params) => (t as unknown as (k: string, p?: Record<string, string>) => string)(key, params);
};

describe("rules in words", () => {
  it("reads a comparison with the cells' labels in each language", () => {
    expect(ruleInWords("girls <= total", sections, "en", phrase(en, "en"))).toBe("«Girls» is at most «Total»");
    expect(ruleInWords("contingent.girls <= contingent.total", sections, "ru", phrase(ru, "ru"))).toBe(
      "«Девочки» не больше, чем «Всего»",
    );
    expect(ruleInWords("girls <= total", sections, "kk", phrase(kk, "kk"))).toBe(
      "«Қыздар» мәні «Барлығы» мәнінен аспайды",
    );
  });

  it("reads sums over all rows, table cells, arithmetic, logic and functions, nested in brackets", () => {
    expect(ruleInWords("sum(grades.*.total) = contingent.total", sections, "en", phrase(en, "en"))).toBe(
      "The sum of «Total» of every row of «Grades» equals «Total»",
    );
    expect(ruleInWords("grades.g1.total >= 0 and not (girls > total * 2)", sections, "en", phrase(en, "en"))).toBe(
      "(«Grade 1», «Total» is at least 0) and (it is not so that («Girls» is greater than («Total» times 2)))",
    );
    expect(ruleInWords("if(total > 0, round(girls / total, 2), 0) <= 1", sections, "en", phrase(en, "en"))).toBe(
      "(if «Total» is greater than 0, then («Girls» divided by «Total») rounded to 2 decimal places, otherwise 0) is at most 1",
    );
  });

  it("keeps unknown names as written and gives null for an expression that does not parse", () => {
    expect(ruleInWords("other.x = 1", sections, "en", phrase(en, "en"))).toBe("Other.x equals 1");
    expect(ruleInWords("girls <=", sections, "en", phrase(en, "en"))).toBeNull();
  });
});
