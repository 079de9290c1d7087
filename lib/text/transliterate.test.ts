import { describe, it, expect } from "vitest";
import { cases } from "@/tests/setup/cases";
import { cyrToLat, latToCyr } from "./transliterate";

/** Words covering every Kazakh-specific letter (ә ғ қ ң ө ұ ү і), hand-transliterated. */
const LOSSLESS: ReadonlyArray<readonly [string, string]> = [
  ["мектеп", "mektep"],
  ["бала", "bala"],
  ["әке", "äke"],
  ["ғылым", "ğylym"],
  ["қала", "qala"],
  ["таңертең", "tañerteñ"],
  ["өнер", "öner"],
  ["ұстаз", "ūstaz"],
  ["інім", "ınım"],
  ["кітап", "kıtap"],
  ["жұмыс", "jūmys"],
  ["шаш", "şaş"],
  ["сәлем", "sälem"],
  ["ағаш", "ağaş"],
  ["көңіл", "köñıl"],
  ["бүгін", "bügın"],
  ["тәуелсіздік", "täuelsızdık"],
  ["өзен", "özen"],
  ["ұлттық", "ūlttyq"],
  ["үлкен", "ülken"],
  ["ферма", "ferma"],
  ["вагон", "vagon"],
  ["хат", "hat"],
  ["чемодан", "chemodan"],
  ["юрта", "iurta"],
  ["ёлка", "iolka"],
  ["ясы", "iasy"],
];

describe("cyrToLat", () => {
  it.each(LOSSLESS)("%s → %s", (cyr, lat) => {
    expect(cyrToLat(cyr)).toBe(lat);
  });

  cases("maps the letters shared with another letter", cyrToLat, [
    ["үй", "üi"],
    ["һәм", "häm"],
    ["ит", "it"],
    ["цирк", "tsirk"],
    ["ащы", "aşşy"],
    ["съезд", "sezd"],
    ["пальто", "palto"],
    ["электр", "elektr"],
  ]);

  cases("keeps Title case and ALL CAPS, with Turkish-style i/İ and ı/I", cyrToLat, [
    ["Қазақстан", "Qazaqstan"],
    ["ҚАЗАҚСТАН", "QAZAQSTAN"],
    ["Інім", "Inım"],
    ["ІНІМ", "INIM"],
    ["Ирина", "İrina"],
    ["ИТ", "İT"],
    ["ҮЙ", "Üİ"],
  ]);

  cases("writes multi-letter renderings in Title or ALL CAPS from context", cyrToLat, [
    ["Чай", "Chai"],
    ["ЧАЙ", "CHAİ"],
    ["Ёлка", "İolka"],
    ["ЁЛКА", "İOLKA"],
    ["Юрта", "İurta"],
    ["ЦЕХ", "TSEH"],
    ["Я", "İa"],
    ["ЖИЯ", "JİİA"],
  ]);

  cases("transliterates running text and leaves other characters alone", cyrToLat, [
    ["Бүгін ауа райы жақсы, 25 °C!", "Bügın aua raiy jaqsy, 25 °C!"],
    ["Hello 学校 مدرسة 123", "Hello 学校 مدرسة 123"],
    ["", ""],
  ]);
});

describe("latToCyr", () => {
  it.each(LOSSLESS)("%s ← %s", (cyr, lat) => {
    expect(latToCyr(lat)).toBe(cyr);
  });

  it("round-trips words whose letters are all unambiguous", () => {
    for (const [cyr] of LOSSLESS) {
      expect(latToCyr(cyrToLat(cyr))).toBe(cyr);
      const title = cyr[0]!.toUpperCase() + cyr.slice(1);
      expect(latToCyr(cyrToLat(title))).toBe(title);
      expect(latToCyr(cyrToLat(cyr.toUpperCase()))).toBe(cyr.toUpperCase());
    }
    const sentence = "Біздің мектепте үлкен кітапхана бар. ҚАЗАҚ ТІЛІ — Ана тілі.";
    expect(latToCyr(cyrToLat(sentence))).toBe(sentence);
  });

  it("documents the lossy letters", () => {
    expect(latToCyr(cyrToLat("һәм"))).toBe("хәм");
    expect(latToCyr(cyrToLat("цирк"))).toBe("тсірк");
    expect(latToCyr(cyrToLat("ащы"))).toBe("ашшы");
    expect(latToCyr(cyrToLat("пальто"))).toBe("палто");
    expect(latToCyr(cyrToLat("электр"))).toBe("електр");
    expect(latToCyr(cyrToLat("ит"))).toBe("іт");
    expect(latToCyr(cyrToLat("ай"))).toBe("аі");
    // и + о is read back as the digraph of ё
    expect(latToCyr(cyrToLat("чемпион"))).toBe("чемпён");
  });

  it("reads lowercase dotted i as і by default and as и on request", () => {
    expect(latToCyr("kitap")).toBe("кітап");
    expect(latToCyr("bilim")).toBe("білім");
    expect(latToCyr("it", { dottedI: "и" })).toBe("ит");
    expect(latToCyr("ai", { dottedI: "и" })).toBe("аи");
    expect(latToCyr("kıtap", { dottedI: "и" })).toBe("кітап");
    expect(latToCyr("İrina")).toBe("Иріна");
    expect(latToCyr("İrina", { dottedI: "и" })).toBe("Ирина");
    expect(latToCyr("KITAP")).toBe("КІТАП");
    expect(latToCyr("Inım")).toBe("Інім");
  });

  cases("reads io, iu, ia and ch greedily, in any case", latToCyr, [
    ["iolka", "ёлка"],
    ["İOLKA", "ЁЛКА"],
    ["İurta", "Юрта"],
    ["iasy", "ясы"],
    ["chemodan", "чемодан"],
    ["CHAİ", "ЧАИ"],
    ["Chai", "Чаі"],
    ["iia", "ія"],
  ]);

  cases("does not build digraphs from dotless ı / plain capital I, ts or şş", latToCyr, [
    ["ıa", "іа"],
    ["Ia", "Іа"],
    ["jetse", "жетсе"],
    ["aşşy", "ашшы"],
  ]);

  cases("recognises decomposed diacritics and leaves non-alphabet characters alone", latToCyr, [
    ["a\u0308ke", "әке"],
    ["w x c 2024 — «ok»", "w x c 2024 — «ок»"],
    ["学校 мектеп", "学校 мектеп"],
  ]);

  it("transliterates running text", () => {
    expect(latToCyr("Qazaqstan Respublikasynyñ astanasy — Astana.")).toBe(
      "Қазақстан Республікасының астанасы — Астана.",
    );
    expect(latToCyr("Būryñğy ötken zamanda, bır danyşpan kısı")).toBe("Бұрыңғы өткен заманда, бір данышпан кісі");
  });
});
