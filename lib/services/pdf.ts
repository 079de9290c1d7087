/**
 * The certificate of study as a PDF in the language chosen when it was requested. DejaVu Sans (from the
 * dejavu-fonts-ttf package, read at run time and subset into the file) has every Kazakh letter; the QR
 * code is drawn as vector squares and leads to the public verification page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import QRCode from "qrcode";
import kk from "../../messages/kk/services.json";
import ru from "../../messages/ru/services.json";
import en from "../../messages/en/services.json";

const MESSAGES = { kk, ru, en } as const;
export type PdfLanguage = keyof typeof MESSAGES;

export interface CertificatePdfData {
  number: string;
  code: string;
  issuedAt: Date;
  validUntil: Date;
  language: PdfLanguage;
  fullName: string;
  birthDate: Date;
  schoolName: string;
  classLabel: string;
  schoolYear: string;
  /** Absolute address of the verification page for this certificate (the QR code's content). */
  verifyUrl: string;
}

const fonts = new Map<string, Uint8Array>();

/** A DejaVu font file from the npm package (cached; the build never bundles it). */
export function fontBytes(file: string): Uint8Array {
  let bytes = fonts.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", file)));
    fonts.set(file, bytes);
  }
  return bytes;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}

export function day(d: Date): string {
  const s = d.toISOString().slice(0, 10);
  return `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;
}

/** Greedy word wrap to a width. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  const black = rgb(0, 0, 0);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col))
        page.drawRectangle({
          x: x + (col + 4) * cell,
          y: y + size - (row + 5) * cell,
          width: cell,
          height: cell,
          color: black,
        });
    }
  }
}

type Fontkit = typeof fontkit;
const parsed = new Map<Uint8Array, ReturnType<Fontkit["create"]>>();

/**
 * fontkit with the parsed fonts kept: parsing DejaVu Sans (≈ 750 KB) is most of a PDF's cost, and the
 * font files never change while the process runs. Each PDF still gets its own subset.
 */
const cachingFontkit: Fontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsed.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      parsed.set(buffer, font);
    }
    return font;
  },
};

/** The words of a verifiable document: its title, the issuer's label, the number line, the verification block. */
export interface VerifiableText {
  title: string;
  issuer: string;
  /** With {number} and {date}. */
  numberLine: string;
  verifyTitle: string;
  /** With {code}. */
  verifyCode: string;
  /** With {number}. */
  verifyNumber: string;
  footer: string;
}

export interface VerifiableDocument {
  language: string;
  text: VerifiableText;
  /** Who issues it, under the issuer's label. */
  issuerName: string;
  number: string;
  code: string;
  issuedAt: Date;
  /** Absolute address of the verification page (the QR code's content). */
  verifyUrl: string;
  /** The paragraphs under the title: text, font size and line gap; 10 pt between paragraphs. */
  paragraphs: { text: string; size: number; gap?: number }[];
}

/**
 * An A4 document that can be verified: the issuer, the centred title and number line, the paragraphs, and the
 * QR code with the code and number beside it leading to the one public verification page. DejaVu Sans subset into
 * the file, so every Kazakh letter prints.
 */
export async function renderVerifiablePdf(data: VerifiableDocument): Promise<Uint8Array> {
  const m = data.text;
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
  line(data.issuerName, regular, 11);
  y -= 24;
  centred(m.title.toUpperCase(), bold, 16);
  y -= 22;
  centred(fill(m.numberLine, { number: data.number, date: day(data.issuedAt) }), regular, 11);
  y -= 40;
  for (const [i, p] of data.paragraphs.entries()) {
    if (i > 0) y -= 10;
    line(p.text, regular, p.size, p.gap);
  }
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

export async function renderCertificatePdf(data: CertificatePdfData): Promise<Uint8Array> {
  const m = MESSAGES[data.language].pdf;
  return renderVerifiablePdf({
    language: data.language,
    text: m,
    issuerName: data.schoolName,
    number: data.number,
    code: data.code,
    issuedAt: data.issuedAt,
    verifyUrl: data.verifyUrl,
    paragraphs: [
      {
        text: fill(m.body, {
          name: data.fullName,
          birthDate: day(data.birthDate),
          school: data.schoolName,
          classLabel: data.classLabel,
          schoolYear: data.schoolYear,
        }),
        size: 12,
        gap: 8,
      },
      { text: m.purpose, size: 12, gap: 8 },
      { text: fill(m.validUntil, { date: day(data.validUntil) }), size: 11 },
    ],
  });
}
