import { describe, it, expect } from "vitest";
import { cases } from "@/tests/setup/cases";
import { lemmaCandidates } from "./stem";
import { latToCyr } from "./transliterate";

describe("lemmaCandidates", () => {
  it("finds the lemmas required for search", () => {
    expect(lemmaCandidates("мектептерде")).toContain("мектеп");
    expect(lemmaCandidates("кітаптарымыз")).toContain("кітап");
    expect(lemmaCandidates("баламен")).toContain("бала");
    expect(lemmaCandidates("жазды")).toContain("жаз");
    expect(lemmaCandidates(latToCyr("mektepterde"))).toContain("мектеп");
  });

  cases("returns exactly the expected chain, least stripped first", lemmaCandidates, [
    ["мектептерде", ["мектептерде", "мектептерд", "мектептер", "мектеп"]],
    ["кітаптарымыз", ["кітаптарымыз", "кітаптары", "кітаптар", "кітап"]],
    ["баламен", ["баламен", "баламе", "бала"]],
    ["жазды", ["жазды", "жазд", "жаз"]],
  ]);

  it("puts the (normalised) word itself first", () => {
    expect(lemmaCandidates("  Мектептерде ")[0]).toBe("мектептерде");
    expect(lemmaCandidates("мектеп")[0]).toBe("мектеп");
    expect(lemmaCandidates("")).toEqual([]);
  });

  cases(
    "strips noun suffix chains",
    lemmaCandidates,
    [
      ["үйлерімізде", "үй"],
      ["балалардың", "бала"],
      ["қаладан", "қала"],
      ["адамнан", "адам"],
      ["баласына", "бала"],
      ["мектептегі", "мектеп"],
      ["оқушыларымыздың", "оқушы"],
      ["достарыңызбен", "дос"],
      ["сабақтан", "сабақ"],
      ["қалаға", "қала"],
      ["кітапқа", "кітап"],
    ],
    "toContain",
  );

  cases(
    "undoes the п/б, қ/ғ, к/г alternation before a vowel",
    lemmaCandidates,
    [
      ["кітабымда", "кітап"],
      ["құлағы", "құлақ"],
      ["жүрегі", "жүрек"],
    ],
    "toContain",
  );

  cases(
    "strips common verb endings",
    lemmaCandidates,
    [
      ["келген", "кел"],
      ["айтқан", "айт"],
      ["айтты", "айт"],
      ["жазып", "жаз"],
      ["ойнап", "ойна"],
      ["ойнайды", "ойна"],
      ["келеді", "кел"],
      ["жазу", "жаз"],
      ["сөйлеу", "сөйле"],
      ["жазамын", "жаз"],
      ["жаздым", "жаз"],
      ["жаздық", "жаз"],
    ],
    "toContain",
  );

  it("respects vowel harmony", () => {
    expect(lemmaCandidates("балалер")).toEqual(["балалер"]);
    expect(lemmaCandidates("мектептар")).toEqual(["мектептар"]);
    expect(lemmaCandidates("қаладе")).not.toContain("қала");
  });

  it("respects the sound a suffix attaches to", () => {
    expect(lemmaCandidates("баладар")).not.toContain("бала"); // plural after a vowel is -лар
    expect(lemmaCandidates("мектепдер")).not.toContain("мектеп"); // after п it is -тер
    expect(lemmaCandidates("баласы")).toContain("бала");
    expect(lemmaCandidates("балаты")).not.toContain("бала"); // -ты follows a voiceless consonant
    expect(lemmaCandidates("балаы")).not.toContain("бала"); // -ы follows a consonant
    expect(lemmaCandidates("кітапсы")).not.toContain("кітап"); // -сы follows a vowel
  });

  it("never returns stems shorter than two letters or without a vowel", () => {
    for (const stem of lemmaCandidates("үйде")) {
      expect(stem.length).toBeGreaterThanOrEqual(2);
      expect(stem).toMatch(/[аәеёиоөуұүыіэюя]/);
    }
    expect(lemmaCandidates("үйде")).toEqual(["үйде", "үйд", "үй"]);
  });

  it("stays bounded and ordered for long forms", () => {
    for (const word of ["оқушыларымыздағылардың", "мұғалімдеріміздің", "тәуелсіздігімізден", "балаларыңыздан"]) {
      const candidates = lemmaCandidates(word);
      expect(candidates.length).toBeLessThanOrEqual(30);
      expect(new Set(candidates).size).toBe(candidates.length);
      for (let i = 1; i < candidates.length; i++) {
        expect(candidates[i]!.length).toBeLessThanOrEqual(candidates[i - 1]!.length);
      }
    }
    expect(lemmaCandidates("мұғалімдеріміздің")).toContain("мұғалім");
    expect(lemmaCandidates("балаларыңыздан")).toContain("бала");
  });

  it("leaves untransliterated Latin input alone", () => {
    expect(lemmaCandidates("mektepterde")).toEqual(["mektepterde"]);
  });
});
