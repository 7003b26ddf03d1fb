// How every exported sheet prints, as a bureau files it: A4 landscape, fitted to the page width
// (a 30-unit ranking keeps each name on the same page as its scores), the title and header rows
// repeated on every page and frozen on screen, the title spread over the table's width so it is
// not cut, and scores shown with the one precision the pages use (one decimal).
import type ExcelJS from "exceljs";

/** The one score precision of pages and exports (words.ts scoreWord shows one decimal too). */
export const SCORE_FORMAT = "0.0";

export interface SheetLayout {
  /** Rows above the data (a title row, then the header row): repeated on each printed page and frozen. */
  headerRows: number;
  /** Column widths in characters, in order; the last one repeats for any further columns. */
  widths: number[];
  /** 1-based columns holding scores, shown with one decimal. */
  scoreColumns?: number[];
  /** Whether row 1 is a title to spread across the table (default true when headerRows > 1). */
  title?: boolean;
}

export function layOut(sheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  const columns = Math.max(sheet.columnCount, 1);
  for (let i = 1; i <= columns; i++) sheet.getColumn(i).width = layout.widths[Math.min(i, layout.widths.length) - 1];
  if ((layout.title ?? layout.headerRows > 1) && columns > 1) {
    sheet.mergeCells(1, 1, 1, columns);
    const title = sheet.getRow(1);
    title.font = { bold: true, size: 13 };
    title.alignment = { wrapText: true, vertical: "middle" };
    title.height = 36;
  }
  sheet.getRow(layout.headerRows).font = { bold: true };
  sheet.getRow(layout.headerRows).alignment = { wrapText: true, vertical: "middle" };
  for (const c of layout.scoreColumns ?? []) sheet.getColumn(c).numFmt = SCORE_FORMAT;
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: layout.headerRows }];
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as it takes
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${layout.headerRows}`,
  };
  sheet.headerFooter = { oddFooter: "第 &P 页，共 &N 页" };
}
