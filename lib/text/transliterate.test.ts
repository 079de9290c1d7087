import { describe, it, expect } from "vitest";
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

  it("maps the letters shared with another letter", () => {
    expect(cyrToLat("үй")).toBe("üi");
    expect(cyrToLat("һәм")).toBe("häm");
    expect(cyrToLat("ит")).toBe("it");
    expect(cyrToLat("цирк")).toBe("tsirk");
    expect(cyrToLat("ащы")).toBe("aşşy");
    expect(cyrToLat("съезд")).toBe("sezd");
    expect(cyrToLat("пальто")).toBe("palto");
    expect(cyrToLat("электр")).toBe("elektr");
  });

  it("keeps Title case and ALL CAPS, with Turkish-style i/İ and ı/I", () => {
    expect(cyrToLat("Қазақстан")).toBe("Qazaqstan");
    expect(cyrToLat("ҚАЗАҚСТАН")).toBe("QAZAQSTAN");
    expect(cyrToLat("Інім")).toBe("Inım");
    expect(cyrToLat("ІНІМ")).toBe("INIM");
    expect(cyrToLat("Ирина")).toBe("İrina");
    expect(cyrToLat("ИТ")).toBe("İT");
    expect(cyrToLat("ҮЙ")).toBe("Üİ");
  });

  it("writes multi-letter renderings in Title or ALL CAPS from context", () => {
    expect(cyrToLat("Чай")).toBe("Chai");
    expect(cyrToLat("ЧАЙ")).toBe("CHAİ");
    expect(cyrToLat("Ёлка")).toBe("İolka");
    expect(cyrToLat("ЁЛКА")).toBe("İOLKA");
    expect(cyrToLat("Юрта")).toBe("İurta");
    expect(cyrToLat("ЦЕХ")).toBe("TSEH");
    expect(cyrToLat("Я")).toBe("İa");
    expect(cyrToLat("ЖИЯ")).toBe("JİİA");
  });

  it("transliterates running text and leaves other characters alone", () => {
    expect(cyrToLat("Бүгін ауа райы жақсы, 25 °C!")).toBe("Bügın aua raiy jaqsy, 25 °C!");
    expect(cyrToLat("Hello 学校 مدرسة 123")).toBe("Hello 学校 مدرسة 123");
    expect(cyrToLat("")).toBe("");
  });
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

  it("reads io, iu, ia and ch greedily, in any case", () => {
    expect(latToCyr("iolka")).toBe("ёлка");
    expect(latToCyr("İOLKA")).toBe("ЁЛКА");
    expect(latToCyr("İurta")).toBe("Юрта");
    expect(latToCyr("iasy")).toBe("ясы");
    expect(latToCyr("chemodan")).toBe("чемодан");
    expect(latToCyr("CHAİ")).toBe("ЧАИ");
    expect(latToCyr("Chai")).toBe("Чаі");
    expect(latToCyr("iia")).toBe("ія");
  });

  it("does not build digraphs from dotless ı / plain capital I, ts or şş", () => {
    expect(latToCyr("ıa")).toBe("іа");
    expect(latToCyr("Ia")).toBe("Іа");
    expect(latToCyr("jetse")).toBe("жетсе");
    expect(latToCyr("aşşy")).toBe("ашшы");
  });

  it("recognises decomposed diacritics and leaves non-alphabet characters alone", () => {
    expect(latToCyr("a\u0308ke")).toBe("әке");
    expect(latToCyr("w x c 2024 — «ok»")).toBe("w x c 2024 — «ок»");
    expect(latToCyr("学校 мектеп")).toBe("学校 мектеп");
  });

  it("transliterates running text", () => {
    expect(latToCyr("Qazaqstan Respublikasynyñ astanasy — Astana.")).toBe(
      "Қазақстан Республікасының астанасы — Астана.",
    );
    expect(latToCyr("Būryñğy ötken zamanda, bır danyşpan kısı")).toBe("Бұрыңғы өткен заманда, бір данышпан кісі");
  });
});
