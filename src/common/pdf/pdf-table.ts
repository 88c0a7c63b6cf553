import { CELL_PADDING, type LayoutColumn } from './table-layout';

type Doc = PDFKit.PDFDocument;

export interface PdfTableColumn {
  header: string;
  align?: 'left' | 'right';
  /** Free text that may wrap inside its cell. */
  wrap?: boolean;
}

export interface PdfTableFonts {
  body: string;
  bold: string;
  size: number;
}

export const DEFAULT_FONTS: PdfTableFonts = { body: 'Helvetica', bold: 'Helvetica-Bold', size: 8 };
const LINE_GAP = 1;
const VERTICAL_PADDING = 3;

/** The standard PDF fonts speak WinAnsi: narrow and no-break spaces (Intl's separators) become plain spaces. */
export function pdfSafe(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ');
}

/** What fitColumns needs to know of each column: header widths (bold) and the widest of the given cells. */
export function measureColumns(
  doc: Doc,
  columns: PdfTableColumn[],
  contentWidths: number[],
  fonts = DEFAULT_FONTS,
): LayoutColumn[] {
  doc.font(fonts.bold).fontSize(fonts.size);
  // pdfkit's line wrapper counts a word's trailing space: a little slack keeps a measured line on one line.
  const slack = doc.widthOfString(' ');
  return columns.map((c, i) => ({
    headerLine: doc.widthOfString(c.header) + slack,
    headerWord: Math.max(0, ...c.header.split(/\s+/).map((w) => doc.widthOfString(w) + slack)),
    content: contentWidths[i] ?? 0,
    wrap: c.wrap ?? false,
  }));
}

/** Width of the widest text per column among `rows` (body font; bold for rows flagged so). */
export function widestCells(
  doc: Doc,
  rows: { cells: string[]; bold?: boolean; indent?: number }[],
  count: number,
  fonts = DEFAULT_FONTS,
): number[] {
  const widths = new Array<number>(count).fill(0);
  doc.fontSize(fonts.size);
  for (const row of rows) {
    doc.font(row.bold ? fonts.bold : fonts.body);
    row.cells.forEach((cell, i) => {
      if (i < count && cell)
        widths[i] = Math.max(widths[i], doc.widthOfString(cell) + 1 + (i === 0 ? (row.indent ?? 0) : 0));
    });
  }
  return widths;
}

/**
 * Draws a table's header and rows at given widths: cells wrap between words
 * (a wrapping column's text flows over lines, capped at `maxLines` with an
 * ellipsis), rows take the height of their tallest cell.
 */
export class PdfTable {
  constructor(
    private readonly doc: Doc,
    private readonly columns: PdfTableColumn[],
    readonly widths: number[],
    readonly left: number,
    private readonly fonts = DEFAULT_FONTS,
    private readonly maxLines = 4,
  ) {}

  get width(): number {
    return this.widths.reduce((s, w) => s + w, 0);
  }

  private lineHeight(): number {
    this.doc.fontSize(this.fonts.size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  private cellHeight(text: string, k: number, bold: boolean, indent: number): number {
    this.doc.font(bold ? this.fonts.bold : this.fonts.body).fontSize(this.fonts.size);
    const line = this.lineHeight();
    if (!text) return line;
    const width = this.widths[k] - CELL_PADDING - indent;
    // Most cells fit on one line: measuring the width is much cheaper than laying the text out.
    if (!text.includes('\n') && this.doc.widthOfString(text) <= width) return line;
    const measured = this.doc.heightOfString(text, { width, lineGap: LINE_GAP });
    return Math.min(measured, (this.columns[k].wrap ? this.maxLines : 2) * line);
  }

  headerHeight(): number {
    return Math.max(...this.columns.map((c, k) => this.cellHeight(c.header, k, true, 0))) + 2 * VERTICAL_PADDING;
  }

  rowHeight(cells: string[], bold = false, indent = 0): number {
    return (
      Math.max(...this.columns.map((_, k) => this.cellHeight(cells[k] ?? '', k, bold, k === 0 ? indent : 0))) +
      2 * VERTICAL_PADDING
    );
  }

  drawHeader(y: number): number {
    const height = this.headerHeight();
    this.doc.save().rect(this.left, y, this.width, height).fill('#eef1f5').restore();
    this.drawCells(
      y,
      this.columns.map((c) => c.header),
      height,
      true,
      0,
      '#1f2933',
    );
    this.doc
      .save()
      .moveTo(this.left, y + height)
      .lineTo(this.left + this.width, y + height)
      .lineWidth(0.7)
      .stroke('#9aa5b1')
      .restore();
    return height;
  }

  /** Draws one row at `y`; returns its height. */
  drawRow(
    y: number,
    cells: string[],
    options: { bold?: boolean; fill?: string; indent?: number; rule?: boolean } = {},
  ): number {
    const bold = options.bold ?? false;
    const indent = options.indent ?? 0;
    const height = this.rowHeight(cells, bold, indent);
    if (options.fill) this.doc.save().rect(this.left, y, this.width, height).fill(options.fill).restore();
    this.drawCells(y, cells, height, bold, indent, '#1f2933');
    if (options.rule !== false) {
      this.doc
        .save()
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.width, y + height)
        .lineWidth(0.3)
        .stroke('#d9dee3')
        .restore();
    }
    return height;
  }

  private drawCells(y: number, cells: string[], rowHeight: number, bold: boolean, indent: number, color: string): void {
    let x = this.left;
    this.doc
      .font(bold ? this.fonts.bold : this.fonts.body)
      .fontSize(this.fonts.size)
      .fillColor(color);
    this.columns.forEach((column, k) => {
      const shift = k === 0 ? indent : 0;
      const text = cells[k] ?? '';
      if (text) {
        this.doc.text(text, x + CELL_PADDING / 2 + shift, y + VERTICAL_PADDING, {
          width: this.widths[k] - CELL_PADDING - shift,
          height: rowHeight - 2 * VERTICAL_PADDING + 0.5,
          align: column.align ?? 'left',
          ellipsis: true,
          lineGap: LINE_GAP,
        });
      }
      x += this.widths[k];
    });
    this.doc.fillColor('black');
  }
}
