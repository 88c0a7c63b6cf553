/**
 * Layout of a PDF table, independent of pdfkit (measured widths come in, widths
 * and page breaks go out), so it can be unit-tested.
 */

/** Horizontal padding inside a cell (both sides together), in points. */
export const CELL_PADDING = 8;

export interface LayoutColumn {
  /** The whole header on one line (points, header font). */
  headerLine: number;
  /** The header's widest word: a header may wrap between words, never inside one. */
  headerWord: number;
  /** The widest cell (points, body font). */
  content: number;
  /** Cells may wrap onto more lines (free text); otherwise the column keeps its content's width. */
  wrap: boolean;
}

export interface ColumnLayout {
  widths: number[];
  landscape: boolean;
}

/** A wrapping column is not squeezed below this (points), unless its header or content is narrower. */
export const MIN_WRAP_WIDTH = 70;

/**
 * Widths for the columns on the narrowest page that holds them: portrait when
 * every column fits at its preferred width (whole header and widest cell on one
 * line), else landscape; when even landscape is too narrow, the widest wrapping
 * columns give up width first (down to their minimum: the header's widest word,
 * and MIN_WRAP_WIDTH), so short columns are never squeezed. Spare width then
 * goes to the wrapping columns, so the table spans the page.
 */
export function fitColumns(
  columns: LayoutColumn[],
  usable: { portrait: number; landscape: number },
  allowPortrait = true,
): ColumnLayout {
  const preferred = columns.map((c) => Math.ceil(Math.max(c.headerLine, c.content)) + CELL_PADDING);
  const minimum = columns.map((c, i) =>
    c.wrap
      ? Math.min(preferred[i], Math.ceil(Math.max(c.headerWord, Math.min(c.content, MIN_WRAP_WIDTH))) + CELL_PADDING)
      : Math.ceil(Math.max(c.headerWord, c.content)) + CELL_PADDING,
  );
  const total = sum(preferred);
  const wraps = columns.map((c) => c.wrap);
  if (allowPortrait && total <= usable.portrait)
    return { widths: stretch(preferred, usable.portrait, wraps), landscape: false };
  if (total <= usable.landscape) return { widths: stretch(preferred, usable.landscape, wraps), landscape: true };
  if (sum(minimum) >= usable.landscape)
    return { widths: minimum.map((w) => (w * usable.landscape) / sum(minimum)), landscape: true };
  // Water-filling: find the cap c with Σ clamp(preferred, minimum, c) = usable.
  let low = 0;
  let high = Math.max(...preferred);
  for (let k = 0; k < 40; k++) {
    const cap = (low + high) / 2;
    if (sum(preferred.map((p, i) => Math.max(minimum[i], Math.min(p, cap)))) > usable.landscape) high = cap;
    else low = cap;
  }
  return {
    widths: stretch(
      preferred.map((p, i) => Math.max(minimum[i], Math.min(p, low))),
      usable.landscape,
      wraps,
    ),
    landscape: true,
  };
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** Widths grown to fill `width`: the spare width goes to the wrapping columns (all columns when none wraps), in proportion. */
function stretch(widths: number[], width: number, wraps: boolean[]): number[] {
  const total = sum(widths);
  if (total >= width || total === 0) return widths;
  const growing = wraps.some(Boolean) ? wraps : wraps.map(() => true);
  const base = sum(widths.filter((_, i) => growing[i]));
  return widths.map((w, i) => (growing[i] ? w + ((width - total) * w) / base : w));
}

/**
 * Where rows go on pages: the flow starts below a page's top and breaks before
 * a row that would cross its bottom (a row taller than a whole page still gets
 * a page of its own). `place` answers whether a new page starts before the row.
 */
export class PageFlow {
  private y: number;
  page = 1;

  constructor(
    private readonly top: number,
    private readonly bottom: number,
    /** Height taken on every page before the rows (the repeated table header). */
    private readonly headerHeight: number,
    start = top,
  ) {
    this.y = start + headerHeight;
  }

  /** Reserves `height` for a row; true when the row starts a new page (the caller draws the page and its header first). */
  place(height: number): boolean {
    const fresh = this.y <= this.top + this.headerHeight;
    if (!fresh && this.y + height > this.bottom) {
      this.page++;
      this.y = this.top + this.headerHeight + height;
      return true;
    }
    this.y += height;
    return false;
  }

  /** The y at which the last placed row starts (for drawing). */
  rowTop(height: number): number {
    return this.y - height;
  }

  /** Space left on the current page. */
  remaining(): number {
    return this.bottom - this.y;
  }
}

/** Page numbers of rows of these heights (for tests and for documents small enough to plan ahead). */
export function paginate(heights: number[], top: number, bottom: number, headerHeight: number, start = top): number[] {
  const flow = new PageFlow(top, bottom, headerHeight, start);
  return heights.map((h) => {
    flow.place(h);
    return flow.page;
  });
}
