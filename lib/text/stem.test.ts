import { describe, it, expect } from "vitest";
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

  it("returns exactly the expected chain, least stripped first", () => {
    expect(lemmaCandidates("мектептерде")).toEqual(["мектептерде", "мектептерд", "мектептер", "мектеп"]);
    expect(lemmaCandidates("кітаптарымыз")).toEqual(["кітаптарымыз", "кітаптары", "кітаптар", "кітап"]);
    expect(lemmaCandidates("баламен")).toEqual(["баламен", "баламе", "бала"]);
    expect(lemmaCandidates("жазды")).toEqual(["жазды", "жазд", "жаз"]);
  });

  it("puts the (normalised) word itself first", () => {
    expect(lemmaCandidates("  Мектептерде ")[0]).toBe("мектептерде");
    expect(lemmaCandidates("мектеп")[0]).toBe("мектеп");
    expect(lemmaCandidates("")).toEqual([]);
  });

  it("strips noun suffix chains", () => {
    expect(lemmaCandidates("үйлерімізде")).toContain("үй");
    expect(lemmaCandidates("балалардың")).toContain("бала");
    expect(lemmaCandidates("қаладан")).toContain("қала");
    expect(lemmaCandidates("адамнан")).toContain("адам");
    expect(lemmaCandidates("баласына")).toContain("бала");
    expect(lemmaCandidates("мектептегі")).toContain("мектеп");
    expect(lemmaCandidates("оқушыларымыздың")).toContain("оқушы");
    expect(lemmaCandidates("достарыңызбен")).toContain("дос");
    expect(lemmaCandidates("сабақтан")).toContain("сабақ");
    expect(lemmaCandidates("қалаға")).toContain("қала");
    expect(lemmaCandidates("кітапқа")).toContain("кітап");
  });

  it("undoes the п/б, қ/ғ, к/г alternation before a vowel", () => {
    expect(lemmaCandidates("кітабымда")).toContain("кітап");
    expect(lemmaCandidates("құлағы")).toContain("құлақ");
    expect(lemmaCandidates("жүрегі")).toContain("жүрек");
  });

  it("strips common verb endings", () => {
    expect(lemmaCandidates("келген")).toContain("кел");
    expect(lemmaCandidates("айтқан")).toContain("айт");
    expect(lemmaCandidates("айтты")).toContain("айт");
    expect(lemmaCandidates("жазып")).toContain("жаз");
    expect(lemmaCandidates("ойнап")).toContain("ойна");
    expect(lemmaCandidates("ойнайды")).toContain("ойна");
    expect(lemmaCandidates("келеді")).toContain("кел");
    expect(lemmaCandidates("жазу")).toContain("жаз");
    expect(lemmaCandidates("сөйлеу")).toContain("сөйле");
    expect(lemmaCandidates("жазамын")).toContain("жаз");
    expect(lemmaCandidates("жаздым")).toContain("жаз");
    expect(lemmaCandidates("жаздық")).toContain("жаз");
  });

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
