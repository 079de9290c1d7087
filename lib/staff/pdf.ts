/**
 * The certificate of a professional development course as a PDF, drawn like the certificate of study
 * (lib/services/pdf.ts: DejaVu Sans subset into the file, the QR code as vector squares leading to the one
 * public verification page) in the language asked for.
 */
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import kk from "../../messages/kk/staff.json";
import ru from "../../messages/ru/staff.json";
import en from "../../messages/en/staff.json";
import { cachingFontkit, day, drawQr, fill, fontBytes, wrap } from "../services/pdf";

const MESSAGES = { kk, ru, en } as const;
export type CoursePdfLanguage = keyof typeof MESSAGES;

export interface CourseCertificatePdfData {
  number: string;
  code: string;
  language: CoursePdfLanguage;
  fullName: string;
  course: string;
  provider: string;
  hours: number;
  completedOn: Date;
  issuedAt: Date;
  /** Absolute address of the verification page for this certificate (the QR code's content). */
  verifyUrl: string;
}

export async function renderCourseCertificatePdf(data: CourseCertificatePdfData): Promise<Uint8Array> {
  const m = MESSAGES[data.language].pdf;
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  doc.setTitle(`${m.title} ${data.number}`);
  doc.setLanguage(data.language);
  doc.setCreator("EISO");
  doc.setCreationDate(data.issuedAt);
  doc.setModificationDate(data.issuedAt);
  const regular = await doc.embedFont(fontBytes("DejaVuSans.ttf"), { subset: true });
  const bold = await doc.embedFont(fontBytes("DejaVuSans-Bold.ttf"), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  const left = 60;
  const width = 595.28 - 2 * left;
  const dark = rgb(0.1, 0.1, 0.15);
  let y = 780;
  const line = (text: string, font: PDFFont, size: number, gap = 6) => {
    for (const l of wrap(text, font, size, width)) {
      page.drawText(l, { x: left, y, size, font, color: dark });
      y -= size + gap;
    }
  };
  const centred = (text: string, font: PDFFont, size: number) => {
    page.drawText(text, { x: left + (width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color: dark });
  };
  line(m.issuer, bold, 11);
  line(data.provider, regular, 11);
  y -= 24;
  centred(m.title.toUpperCase(), bold, 16);
  y -= 22;
  centred(fill(m.numberLine, { number: data.number, date: day(data.issuedAt) }), regular, 11);
  y -= 40;
  line(
    fill(m.body, {
      name: data.fullName,
      course: data.course,
      provider: data.provider,
      hours: String(data.hours),
      date: day(data.completedOn),
    }),
    regular,
    12,
    8,
  );
  const qrSize = 120;
  drawQr(page, data.verifyUrl, left - 10, 110, qrSize);
  let vy = 200;
  for (const [i, text] of [
    m.verifyTitle,
    fill(m.verifyCode, { code: data.code }),
    fill(m.verifyNumber, { number: data.number }),
    data.verifyUrl,
  ].entries()) {
    for (const l of wrap(text, i === 0 ? bold : regular, 10, width - qrSize - 10)) {
      page.drawText(l, { x: left + qrSize + 10, y: vy, size: 10, font: i === 0 ? bold : regular, color: dark });
      vy -= 15;
    }
  }
  page.drawText(m.footer, { x: left, y: 70, size: 8, font: regular, color: rgb(0.4, 0.4, 0.45) });
  return doc.save({ useObjectStreams: true });
}
