import { describe, it, expect } from "vitest";
import { cases } from "@/tests/setup/cases";
import { isSupportedScript, looksLikeKazakhLatin, normalizeText, toSearchForms } from "./normalize";

describe("normalizeText", () => {
  cases("applies NFC and removes invisible characters", normalizeText, [
    ["А\u0438\u0306", "ай"],
    ["мек\u200Bтеп", "мектеп"],
    ["мек\u00ADтеп\uFEFF", "мектеп"],
  ]);

  it("lowercases without locale rules", () => {
    expect(normalizeText("ҚАЗАҚСТАН")).toBe("қазақстан");
    expect(normalizeText("ӘЖЕ ҰЛЫ ҮЙ ІНІ ӨЗЕН ҒЫЛЫМ ҢҢ ҺҺ")).toBe("әже ұлы үй іні өзен ғылым ңң һһ");
    expect(normalizeText("İSTANBUL")).toBe("istanbul");
    expect(normalizeText("İSTANBUL")).toHaveLength(8);
  });

  cases("replaces Latin look-alikes inside Cyrillic words", normalizeText, [
    ["мектeп", "мектеп"], // Latin e
    ["Aлмaты", "алматы"], // Latin A, a
    ["hәм", "һәм"], // Latin h
    ["MEKTEП", "мектеп"], // Latin M, E, K, T, E
    ["Bолейбол", "волейбол"], // Latin B
    ["HАН", "нан"], // Latin capital H looks like Н
    ["kiтап", "кітап"], // Latin k, i
    ["əке", "әке"], // Latin schwa
    ["pyx", "pyx"], // no Cyrillic: untouched
  ]);

  cases("leaves words with Latin letters that have no Cyrillic twin alone", normalizeText, [
    ["Windowsта", "windowsта"],
    ["Toyota-ның", "toyota-ның"],
    ["Coca Cola", "coca cola"],
  ]);

  cases("collapses whitespace", normalizeText, [
    ["  бала \t мен\n\nәке\u00A0 ", "бала мен әке"],
    ["", ""],
    [" \n ", ""],
  ]);

  cases("strips punctuation at word edges only", normalizeText, [
    ["«Мектеп»,", "мектеп"],
    ["...бала!?", "бала"],
    ["қызыл-жасыл", "қызыл-жасыл"],
    ["(2+2) — төрт.", "2+2 төрт"],
    ["e-mail: info@edu.kz", "e-mail info@edu.kz"],
    ["— ! ?", ""],
  ]);
});

describe("looksLikeKazakhLatin", () => {
  cases("accepts Latin-only text with the Kazakh letters", looksLikeKazakhLatin, [
    ["Qazaqstan", true],
    ["äğñöşūüıİ", true],
    ["mektep 2024!", true],
  ]);

  cases("rejects Cyrillic, other Latin letters, and letterless text", looksLikeKazakhLatin, [
    ["мектеп", false],
    ["mektep мектеп", false],
    ["café", false],
    ["2024", false],
  ]);
});

describe("toSearchForms", () => {
  it("returns the normalised Cyrillic form only for Cyrillic input", () => {
    expect(toSearchForms("Мектеп")).toEqual(["мектеп"]);
    expect(toSearchForms("  «Мектeп» ")).toEqual(["мектеп"]);
  });

  cases("adds the Cyrillic transliteration of Kazakh Latin input", toSearchForms, [
    ["Mektep", ["mektep", "мектеп"]],
    ["MEKTEPTERDE", ["mektepterde", "мектептерде"]],
    ["Qazaqstan", ["qazaqstan", "қазақстан"]],
    ["kıtap", ["kıtap", "кітап"]],
    ["Ūstaz, äke!", ["ūstaz äke", "ұстаз әке"]],
  ]);

  it("adds the и reading of a dotted i", () => {
    expect(toSearchForms("kitap")).toEqual(["kitap", "кітап", "китап"]);
    expect(toSearchForms("it")).toEqual(["it", "іт", "ит"]);
  });

  cases("does not transliterate mixed or non-Latin input, and drops empty forms", toSearchForms, [
    ["мектеп school", ["мектеп school"]],
    ["学校", ["学校"]],
    ["!!!", []],
    ["", []],
  ]);
});

describe("isSupportedScript", () => {
  cases("accepts Cyrillic, Latin, digits and punctuation", isSupportedScript, [
    ["Мектеп", true],
    ["school", true],
    ["Qazaqstan 2024!", true],
    ["№ 15 мектеп-гимназия", true],
    ["123", true],
    ["—!?", true],
  ]);

  cases("rejects other scripts and empty input", isSupportedScript, [
    ["学校", false],
    ["مدرسة", false],
    ["Ελλάδα", false],
    ["школа 学校", false],
    ["", false],
    ["   ", false],
  ]);
});
