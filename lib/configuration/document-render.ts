/**
 * The configuration's documentation as one downloadable file (issue 27): a document model of headings,
 * paragraphs, lists and tables, written out as a self-contained, printable HTML page (inline styles, a
 * print stylesheet, no scripts, nothing fetched) or as a PDF (pdf-lib with DejaVu Sans from the
 * dejavu-fonts-ttf package, which has every Kazakh letter). Pure apart from reading the font files.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { fontBytes } from "../services/pdf";

export type Block =
  | { kind: "h1" | "h2" | "h3"; text: string; id?: string }
  | { kind: "p"; text: string; muted?: boolean }
  | { kind: "list"; items: string[] }
  | { kind: "table"; caption: string; head: string[]; rows: string[][] };

export interface DocumentModel {
  lang: string;
  title: string;
  /** A line under the title: what the document is and when it was generated. */
  subtitle: string;
  blocks: Block[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#0f172a;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.45;font-size:14px}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid #cbd5e1}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}p{margin:.25rem 0}.muted{color:#475569}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:12px}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #cbd5e1;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f1f5f9}ul{margin:.25rem 0 .75rem 1.25rem;padding:0}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}h3{break-after:avoid}
tr,li{break-inside:avoid}thead{display:table-header-group}a{color:inherit;text-decoration:none}}
@page{size:A4;margin:15mm}
`;

/** The document as one self-contained HTML page. */
export function renderHtml(doc: DocumentModel): string {
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(doc.lang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(doc.title)}</h1><p class="muted">${escapeHtml(doc.subtitle)}</p>`,
  ];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case "h1":
      case "h2":
      case "h3":
        out.push(`<${b.kind}${b.id ? ` id="${escapeHtml(b.id)}"` : ""}>${escapeHtml(b.text)}</${b.kind}>`);
        break;
      case "p":
        out.push(`<p${b.muted ? ' class="muted"' : ""}>${escapeHtml(b.text)}</p>`);
        break;
      case "list":
        out.push(`<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
        break;
      case "table":
        out.push(
          `<table><caption>${escapeHtml(b.caption)}</caption><thead><tr>${b.head
            .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
            .join("")}</tr></thead><tbody>${b.rows
            .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`)
            .join("")}</tbody></table>`,
        );
        break;
    }
  }
  out.push("</body></html>");
  return out.join("\n");
}

/** Greedy word wrap to a width; a word longer than the width is cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const raw of paragraph.split(/\s+/)) {
      let word = raw;
      while (font.widthOfTextAtSize(word, size) > width && word.length > 1) {
        let cut = word.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width) cut--;
        if (line) lines.push(line);
        lines.push(word.slice(0, cut));
        line = "";
        word = word.slice(cut);
      }
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** The document as an A4 PDF: headings, wrapped paragraphs, lists and tables with wrapped cells across pages. */
export async function renderPdf(doc: DocumentModel): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(doc.title);
  pdf.setLanguage(doc.lang);
  const regular = await pdf.embedFont(fontBytes("DejaVuSans.ttf"), { subset: true });
  const bold = await pdf.embedFont(fontBytes("DejaVuSans-Bold.ttf"), { subset: true });
  const [W, H, M] = [595.28, 841.89, 42];
  const width = W - 2 * M;
  let page: PDFPage = pdf.addPage([W, H]);
  let y = H - M;
  const ensure = (needed: number) => {
    if (y - needed < M) {
      page = pdf.addPage([W, H]);
      y = H - M;
    }
  };
  const text = (s: string, x: number, size: number, font: PDFFont, color = rgb(0.06, 0.09, 0.16)) =>
    page.drawText(s, { x, y: y - size, size, font, color });
  const paragraph = (s: string, size: number, font: PDFFont, indent = 0, color?: ReturnType<typeof rgb>) => {
    for (const line of wrap(s, font, size, width - indent)) {
      ensure(size * 1.4);
      text(line, M + indent, size, font, color);
      y -= size * 1.4;
    }
  };
  paragraph(doc.title, 18, bold);
  paragraph(doc.subtitle, 9, regular, 0, rgb(0.28, 0.33, 0.41));
  y -= 6;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case "h1":
      case "h2":
      case "h3": {
        const size = b.kind === "h3" ? 11 : 14;
        ensure(size * 4);
        y -= size * 0.6;
        paragraph(b.text, size, bold);
        break;
      }
      case "p":
        paragraph(b.text, 9, regular, 0, b.muted ? rgb(0.28, 0.33, 0.41) : undefined);
        break;
      case "list":
        for (const item of b.items) paragraph(`• ${item}`, 9, regular, 6);
        y -= 3;
        break;
      case "table": {
        const size = b.head.length > 6 ? 6 : 8;
        const lineH = size * 1.3;
        // columns share the width by their longest text, each at least a sixth of an equal share
        const longest = b.head.map((h, i) =>
          Math.max(h.length, ...b.rows.map((r) => Math.min((r[i] ?? "").length, 60)), 3),
        );
        const total = longest.reduce((a, n) => a + n, 0);
        const floor = width / b.head.length / 6;
        const raw = longest.map((n) => Math.max(floor, (n / total) * width));
        const scale = width / raw.reduce((a, n) => a + n, 0);
        const cols = raw.map((w) => w * scale);
        const drawRow = (cells: string[], font: PDFFont, shade: boolean) => {
          const wrapped = cells.map((c, i) => wrap(c, font, size, cols[i]! - 4));
          const height = Math.max(...wrapped.map((l) => l.length)) * lineH + 3;
          ensure(height);
          if (shade) page.drawRectangle({ x: M, y: y - height, width, height, color: rgb(0.95, 0.96, 0.98) });
          let x = M;
          wrapped.forEach((lines, i) => {
            lines.forEach((line, j) =>
              page.drawText(line, { x: x + 2, y: y - 2 - (j + 1) * lineH + size * 0.25, size, font }),
            );
            x += cols[i]!;
          });
          page.drawLine({
            start: { x: M, y: y - height },
            end: { x: M + width, y: y - height },
            thickness: 0.4,
            color: rgb(0.8, 0.84, 0.88),
          });
          y -= height;
        };
        ensure(lineH * 4);
        paragraph(b.caption, 9, bold);
        drawRow(b.head, bold, true);
        for (const r of b.rows) drawRow(r, regular, false);
        y -= 8;
        break;
      }
    }
  }
  return pdf.save();
}
