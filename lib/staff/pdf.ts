/**
 * The certificate of a professional development course as a PDF, drawn like the certificate of study
 * (lib/services/pdf.ts: DejaVu Sans subset into the file, the QR code as vector squares leading to the one
 * public verification page) in the language asked for.
 */
import kk from "../../messages/kk/staff.json";
import ru from "../../messages/ru/staff.json";
import en from "../../messages/en/staff.json";
import { day, fill, renderVerifiablePdf } from "../services/pdf";

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
  return renderVerifiablePdf({
    language: data.language,
    text: m,
    issuerName: data.provider,
    number: data.number,
    code: data.code,
    issuedAt: data.issuedAt,
    verifyUrl: data.verifyUrl,
    paragraphs: [
      {
        text: fill(m.body, {
          name: data.fullName,
          course: data.course,
          provider: data.provider,
          hours: String(data.hours),
          date: day(data.completedOn),
        }),
        size: 12,
        gap: 8,
      },
    ],
  });
}
