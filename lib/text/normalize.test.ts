import { describe, it, expect } from "vitest";
import { isSupportedScript, looksLikeKazakhLatin, normalizeText, toSearchForms } from "./normalize";

describe("normalizeText", () => {
  it("applies NFC and removes invisible characters", () => {
    expect(normalizeText("А\u0438\u0306")).toBe("ай");
    expect(normalizeText("мек\u200Bтеп")).toBe("мектеп");
    expect(normalizeText("мек\u00ADтеп\uFEFF")).toBe("мектеп");
  });

  it("lowercases without locale rules", () => {
    expect(normalizeText("ҚАЗАҚСТАН")).toBe("қазақстан");
    expect(normalizeText("ӘЖЕ ҰЛЫ ҮЙ ІНІ ӨЗЕН ҒЫЛЫМ ҢҢ ҺҺ")).toBe("әже ұлы үй іні өзен ғылым ңң һһ");
    expect(normalizeText("İSTANBUL")).toBe("istanbul");
    expect(normalizeText("İSTANBUL")).toHaveLength(8);
  });

  it("replaces Latin look-alikes inside Cyrillic words", () => {
    expect(normalizeText("мектeп")).toBe("мектеп"); // Latin e
    expect(normalizeText("Aлмaты")).toBe("алматы"); // Latin A, a
    expect(normalizeText("hәм")).toBe("һәм"); // Latin h
    expect(normalizeText("MEKTEП")).toBe("мектеп"); // Latin M, E, K, T, E
    expect(normalizeText("Bолейбол")).toBe("волейбол"); // Latin B
    expect(normalizeText("HАН")).toBe("нан"); // Latin capital H looks like Н
    expect(normalizeText("kiтап")).toBe("кітап"); // Latin k, i
    expect(normalizeText("əке")).toBe("әке"); // Latin schwa
    expect(normalizeText("pyx")).toBe("pyx"); // no Cyrillic: untouched
  });

  it("leaves words with Latin letters that have no Cyrillic twin alone", () => {
    expect(normalizeText("Windowsта")).toBe("windowsта");
    expect(normalizeText("Toyota-ның")).toBe("toyota-ның");
    expect(normalizeText("Coca Cola")).toBe("coca cola");
  });

  it("collapses whitespace", () => {
    expect(normalizeText("  бала \t мен\n\nәке\u00A0 ")).toBe("бала мен әке");
    expect(normalizeText("")).toBe("");
    expect(normalizeText(" \n ")).toBe("");
  });

  it("strips punctuation at word edges only", () => {
    expect(normalizeText("«Мектеп»,")).toBe("мектеп");
    expect(normalizeText("...бала!?")).toBe("бала");
    expect(normalizeText("қызыл-жасыл")).toBe("қызыл-жасыл");
    expect(normalizeText("(2+2) — төрт.")).toBe("2+2 төрт");
    expect(normalizeText("e-mail: info@edu.kz")).toBe("e-mail info@edu.kz");
    expect(normalizeText("— ! ?")).toBe("");
  });
});

describe("looksLikeKazakhLatin", () => {
  it("accepts Latin-only text with the Kazakh letters", () => {
    expect(looksLikeKazakhLatin("Qazaqstan")).toBe(true);
    expect(looksLikeKazakhLatin("äğñöşūüıİ")).toBe(true);
    expect(looksLikeKazakhLatin("mektep 2024!")).toBe(true);
  });

  it("rejects Cyrillic, other Latin letters, and letterless text", () => {
    expect(looksLikeKazakhLatin("мектеп")).toBe(false);
    expect(looksLikeKazakhLatin("mektep мектеп")).toBe(false);
    expect(looksLikeKazakhLatin("café")).toBe(false);
    expect(looksLikeKazakhLatin("2024")).toBe(false);
  });
});

describe("toSearchForms", () => {
  it("returns the normalised Cyrillic form only for Cyrillic input", () => {
    expect(toSearchForms("Мектеп")).toEqual(["мектеп"]);
    expect(toSearchForms("  «Мектeп» ")).toEqual(["мектеп"]);
  });

  it("adds the Cyrillic transliteration of Kazakh Latin input", () => {
    expect(toSearchForms("Mektep")).toEqual(["mektep", "мектеп"]);
    expect(toSearchForms("MEKTEPTERDE")).toEqual(["mektepterde", "мектептерде"]);
    expect(toSearchForms("Qazaqstan")).toEqual(["qazaqstan", "қазақстан"]);
    expect(toSearchForms("kıtap")).toEqual(["kıtap", "кітап"]);
    expect(toSearchForms("Ūstaz, äke!")).toEqual(["ūstaz äke", "ұстаз әке"]);
  });

  it("adds the и reading of a dotted i", () => {
    expect(toSearchForms("kitap")).toEqual(["kitap", "кітап", "китап"]);
    expect(toSearchForms("it")).toEqual(["it", "іт", "ит"]);
  });

  it("does not transliterate mixed or non-Latin input, and drops empty forms", () => {
    expect(toSearchForms("мектеп school")).toEqual(["мектеп school"]);
    expect(toSearchForms("学校")).toEqual(["学校"]);
    expect(toSearchForms("!!!")).toEqual([]);
    expect(toSearchForms("")).toEqual([]);
  });
});

describe("isSupportedScript", () => {
  it("accepts Cyrillic, Latin, digits and punctuation", () => {
    expect(isSupportedScript("Мектеп")).toBe(true);
    expect(isSupportedScript("school")).toBe(true);
    expect(isSupportedScript("Qazaqstan 2024!")).toBe(true);
    expect(isSupportedScript("№ 15 мектеп-гимназия")).toBe(true);
    expect(isSupportedScript("123")).toBe(true);
    expect(isSupportedScript("—!?")).toBe(true);
  });

  it("rejects other scripts and empty input", () => {
    expect(isSupportedScript("学校")).toBe(false);
    expect(isSupportedScript("مدرسة")).toBe(false);
    expect(isSupportedScript("Ελλάδα")).toBe(false);
    expect(isSupportedScript("школа 学校")).toBe(false);
    expect(isSupportedScript("")).toBe(false);
    expect(isSupportedScript("   ")).toBe(false);
  });
});
