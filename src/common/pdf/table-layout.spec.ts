import { CELL_PADDING, fitColumns, type LayoutColumn, MIN_WRAP_WIDTH, PageFlow, paginate } from './table-layout';

const usable = { portrait: 500, landscape: 760 };
const col = (headerLine: number, content: number, wrap = false, headerWord = headerLine): LayoutColumn => ({
  headerLine,
  headerWord,
  content,
  wrap,
});
const total = (widths: number[]) => widths.reduce((s, w) => s + w, 0);

describe('fitColumns', () => {
  it('portrait when every column fits on one line; spare width goes to the wrapping column only', () => {
    const layout = fitColumns([col(40, 100, true), col(30, 50), col(50, 45)], usable);
    expect(layout.landscape).toBe(false);
    expect(total(layout.widths)).toBeCloseTo(500);
    expect(layout.widths[1]).toBe(50 + CELL_PADDING);
    expect(layout.widths[2]).toBe(50 + CELL_PADDING);
    expect(layout.widths[0]).toBeGreaterThan(100 + CELL_PADDING);
  });

  it('a header wider than its cells sets the width, so it is never cut or wrapped mid-word', () => {
    const layout = fitColumns([col(90, 20), col(20, 20, true)], usable);
    expect(layout.widths[0]).toBe(90 + CELL_PADDING);
  });

  it('landscape when portrait is too narrow for the preferred widths', () => {
    const layout = fitColumns(
      Array.from({ length: 10 }, () => col(40, 60)),
      usable,
    );
    expect(layout.landscape).toBe(true);
    expect(total(layout.widths)).toBeCloseTo(760);
  });

  it('portrait can be refused (a table that must be landscape)', () => {
    expect(fitColumns([col(10, 10)], usable, false).landscape).toBe(true);
  });

  it('too wide even in landscape: the widest wrapping column gives up width, short columns keep theirs', () => {
    const columns = [col(50, 2000, true, 50), col(60, 400, true, 30), ...Array.from({ length: 6 }, () => col(40, 45))];
    const layout = fitColumns(columns, usable);
    expect(layout.landscape).toBe(true);
    expect(total(layout.widths)).toBeCloseTo(760, 0);
    for (let i = 2; i < columns.length; i++) expect(layout.widths[i]).toBe(45 + CELL_PADDING);
    // Water-filling: both wrapping columns end at the same cap (the second was wider than the cap).
    expect(layout.widths[0]).toBeCloseTo(layout.widths[1], 0);
  });

  it('a wrapping column never goes below its widest header word nor MIN_WRAP_WIDTH', () => {
    const columns = [
      col(200, 3000, true, 120),
      col(80, 3000, true, 20),
      ...Array.from({ length: 8 }, () => col(40, 45)),
    ];
    const layout = fitColumns(columns, usable);
    expect(layout.widths[0]).toBeGreaterThanOrEqual(120 + CELL_PADDING - 0.01);
    expect(layout.widths[1]).toBeGreaterThanOrEqual(MIN_WRAP_WIDTH + CELL_PADDING - 0.01);
  });

  it('when even the minimums do not fit, all shrink in proportion to fill the page exactly', () => {
    const layout = fitColumns(
      Array.from({ length: 30 }, () => col(40, 40)),
      usable,
    );
    expect(total(layout.widths)).toBeCloseTo(760);
  });
});

describe('paginate / PageFlow', () => {
  it('breaks before a row that would cross the bottom; the header is reserved on every page', () => {
    // Page: 0..100, header 10: 9 rows of 10 fit on a page.
    expect(
      paginate(
        Array.from({ length: 20 }, () => 10),
        0,
        100,
        10,
      ),
    ).toEqual([...Array(9).fill(1), ...Array(9).fill(2), 3, 3]);
  });

  it('the first page starts lower (the heading and chart), later pages at the top', () => {
    // Rows start at 50 on page 1 (one row of 30 fits), at 10 on later pages (three fit).
    expect(paginate([30, 30, 30, 30, 30], 0, 100, 10, 40)).toEqual([1, 2, 2, 2, 3]);
  });

  it('a row taller than a page gets a page of its own instead of looping', () => {
    expect(paginate([10, 500, 10], 0, 100, 10)).toEqual([1, 2, 3]);
  });

  it('rowTop is where the placed row is drawn', () => {
    const flow = new PageFlow(0, 100, 10);
    flow.place(20);
    expect(flow.rowTop(20)).toBe(10);
    expect(flow.remaining()).toBe(70);
  });
});
