import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { renderCertificatePdf, renderVerifiablePdf } from "./pdf";
import { renderCourseCertificatePdf } from "../staff/pdf";

const issuedAt = new Date("2026-12-01T06:00:00Z");
const verifyUrl = "https://portal.test/kk/verify/certificate?code=ABCD-EFGH";

describe("verifiable documents as PDF", () => {
  it("draw a certificate of study and a course certificate on one A4 page, titled with their number", async () => {
    const study = await renderCertificatePdf({
      number: "SC-2026-000001",
      code: "ABCD-EFGH",
      issuedAt,
      validUntil: new Date("2027-06-30T00:00:00Z"),
      language: "kk",
      fullName: "Әлібек Нұрланұлы",
      birthDate: new Date("2014-03-02T00:00:00Z"),
      schoolName: "№1 мектеп",
      classLabel: "5 А",
      schoolYear: "2026–2027",
      verifyUrl,
    });
    const course = await renderCourseCertificatePdf({
      number: "PD-2026-000001",
      code: "ABCD-EFGH",
      language: "ru",
      fullName: "Серікова Айгүл",
      course: "Оценивание для обучения",
      provider: "Өрлеу",
      hours: 72,
      completedOn: issuedAt,
      issuedAt,
      verifyUrl,
    });
    for (const [bytes, number] of [
      [study, "SC-2026-000001"],
      [course, "PD-2026-000001"],
    ] as const) {
      expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(1);
      expect(doc.getTitle()).toMatch(new RegExp(`${number}$`));
      expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    }
  });

  it("lays out every paragraph it is given, a longer text on a larger file", async () => {
    const text = {
      title: "Certificate",
      issuer: "Issued by",
      numberLine: "No. {number} of {date}",
      verifyTitle: "Check",
      verifyCode: "Code {code}",
      verifyNumber: "Number {number}",
      footer: "footer",
    };
    const base = { language: "en", text, issuerName: "School", number: "N-1", code: "C", issuedAt, verifyUrl };
    const one = await renderVerifiablePdf({ ...base, paragraphs: [{ text: "One paragraph.", size: 12 }] });
    const three = await renderVerifiablePdf({
      ...base,
      paragraphs: [
        { text: "One paragraph.", size: 12 },
        { text: "Another paragraph with more words in it to wrap over the width. ".repeat(8), size: 12, gap: 8 },
        { text: "Valid until tomorrow.", size: 11 },
      ],
    });
    expect(three.length).toBeGreaterThan(one.length);
    expect((await PDFDocument.load(three)).getTitle()).toBe("Certificate N-1");
  });
});
