// Lays a decision document's content (domain/decisionDocuments.ts) out as an A4 PDF in Chinese,
// with the CJK font embedded as a subset (only the glyphs used) and a QR code of the public
// verification page. Deterministic: the creation date is the decision's date, the metadata and the
// file ID follow from the content, so the same content gives the same bytes.
//
// Font: Noto Sans CJK SC (Noto Sans Hans, OFL) from the npm package @embedpdf/fonts-sc, so a
// deployed function has it without system fonts. DECISION_PDF_FONT may name another OTF/TTF file
// (or a .ttc with DECISION_PDF_FONT_FAMILY, e.g. /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
// and NotoSerifCJKsc-Regular).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { dateWord, nouns } from "../domain/words.js";
import type { DecisionDocumentContent, DocumentBlock } from "../domain/decisionDocuments.js";

const require = createRequire(import.meta.url);

/** The font file and, for a collection (.ttc), the face in it. */
export function decisionFont(env: NodeJS.ProcessEnv = process.env): { path: string; family?: string } {
  if (env.DECISION_PDF_FONT) return { path: env.DECISION_PDF_FONT, ...(env.DECISION_PDF_FONT_FAMILY ? { family: env.DECISION_PDF_FONT_FAMILY } : {}) };
  return { path: join(dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts", "NotoSansHans-Regular.otf") };
}

const MARGIN = 64;
const BODY = 11.5;
const PRODUCER = "数字化转型牵引单位管理系统";

/** Midnight in Shanghai of the decision's date: the file's creation and modification date. */
const dateOf = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

export interface RenderInput {
  content: DecisionDocumentContent;
  /** The public verification page of this document (printed and as a QR code). */
  verificationUrl: string;
  verificationId: string;
}

export async function renderDecisionPdf({ content, verificationUrl, verificationId }: RenderInput): Promise<Buffer> {
  const date = dateOf(content.issuedOn);
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: true,
    bufferPages: true,
    info: { Title: content.title, Author: content.issuer, Subject: `${content.title}（${content.clauses.join("、")}）`, Keywords: verificationId, Creator: PRODUCER, Producer: PRODUCER, CreationDate: date, ModDate: date },
    lang: "zh-CN",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  const font = decisionFont();
  doc.registerFont("cjk", font.path, font.family);
  doc.font("cjk");
  const width = doc.page.width - 2 * MARGIN;

  doc.fontSize(20).text(content.title, { align: "center", characterSpacing: 1 });
  doc.moveDown(1.2);
  if (content.addressee) doc.fontSize(BODY).text(content.addressee, { lineGap: 4 }).moveDown(0.4);
  for (const block of content.blocks) drawBlock(doc, block, width);

  doc.moveDown(1.5);
  doc.fontSize(BODY).text(content.issuer, { align: "right", lineGap: 4 });
  doc.text(dateWord(content.issuedOn), { align: "right", lineGap: 4 });

  drawVerification(doc, verificationUrl, width);

  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor("#666666").text(`第 ${i + 1} 页 共 ${range.count} 页`, MARGIN, doc.page.height - 36, { width, align: "center" });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function drawBlock(doc: PDFKit.PDFDocument, b: DocumentBlock, width: number): void {
  doc.fillColor("#000000");
  switch (b.type) {
    case "heading":
      doc.moveDown(0.5).fontSize(BODY + 1).text(b.text, { lineGap: 4 }).moveDown(0.2);
      return;
    case "paragraph":
      doc.fontSize(BODY).text(b.text, { indent: BODY * 2, lineGap: 4, align: "justify" }).moveDown(0.3);
      return;
    case "list":
      b.items.forEach((item, i) => doc.fontSize(BODY).text(`${i + 1}. ${item}`, { indent: BODY, lineGap: 4 }));
      doc.moveDown(0.3);
      return;
    case "scores": {
      const x = doc.page.margins.left;
      for (const r of b.rows) {
        ensureRoom(doc, 60);
        const y = doc.y;
        doc.fontSize(BODY).text(r.label, x, y, { width: width * 0.55 });
        doc.text(`权重 ${r.weight}`, x + width * 0.55, y, { width: width * 0.2 });
        doc.text(`${r.score} 分`, x + width * 0.75, y, { width: width * 0.25, align: "right" });
        doc.x = x;
        doc.fontSize(BODY - 2).fillColor("#333333").text(`计分说明：${r.explanation}`, x + BODY, doc.y + 2, { width: width - BODY, lineGap: 2 });
        doc.fillColor("#000000").moveDown(0.4);
        doc.moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(0.4).strokeColor("#999999").stroke();
        doc.moveDown(0.3);
      }
      doc.x = x;
      doc.fontSize(BODY).text(`${nouns.total}：${b.total} 分`, x, doc.y, { width, align: "right" }).moveDown(0.3);
      doc.x = x;
      return;
    }
  }
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** The QR code of the verification page, drawn as vector squares (no image encoder), and its URL. */
function drawVerification(doc: PDFKit.PDFDocument, url: string, width: number): void {
  const size = 84;
  ensureRoom(doc, size + 24);
  doc.moveDown(1);
  const x = doc.page.margins.left;
  const y = doc.y;
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = size / n;
  doc.save().fillColor("#000000");
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  doc.fill().restore();
  doc.fontSize(8.5).fillColor("#333333").text(`本文书的 SHA-256 摘要和出具日期可在以下页面核验（扫描左侧二维码或访问）：`, x + size + 12, y + 10, { width: width - size - 12, lineGap: 2 });
  doc.text(url, { width: width - size - 12, link: url, underline: false });
  doc.fillColor("#000000");
  doc.x = x;
  doc.y = Math.max(doc.y, y + size + 6);
}
