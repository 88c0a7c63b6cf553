import { pdfSafe } from '../../../common/pdf/pdf-table';
import type { PdfChart } from './export-table';
import { labelEvery, niceTicks } from './summary-chart';

const BAR = '#03a9f4';
const GRID = '#e4e7eb';
const INK = '#1f2933';
const MUTED = '#52606d';
const PALETTE = ['#03a9f4', '#8bc34a', '#ff9800', '#9c27b0', '#f44336', '#009688', '#3f51b5', '#795548', '#607d8b'];
const PLOT_HEIGHT = 140;
const AXIS_WIDTH = 44;

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * Draws the summary's chart as vectors: bars per day/week/month with a value
 * axis, then each first-level group's share (a stacked bar and a legend with
 * percent and value). Returns the y below it.
 */
export function drawChart(doc: PDFKit.PDFDocument, chart: PdfChart, left: number, top: number, width: number): number {
  const { bars } = chart.series;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(chart.title, left, top, { width, lineBreak: false });
  const plotTop = top + 18;
  const plotLeft = left + AXIS_WIDTH;
  const plotWidth = width - AXIS_WIDTH;
  const ticks = niceTicks(Math.max(0, ...bars.map((b) => b.value)) / chart.scale).map((t) => t * chart.scale);
  const max = ticks[ticks.length - 1];
  const yOf = (v: number) => plotTop + PLOT_HEIGHT - (v / max) * PLOT_HEIGHT;

  doc.font('Helvetica').fontSize(7);
  for (const tick of ticks) {
    const y = yOf(tick);
    doc
      .save()
      .moveTo(plotLeft, y)
      .lineTo(plotLeft + plotWidth, y)
      .lineWidth(0.5)
      .stroke(GRID)
      .restore();
    doc
      .fillColor(MUTED)
      .text(pdfSafe(chart.axis(tick)), left, y - 3.5, { width: AXIS_WIDTH - 4, align: 'right', lineBreak: false });
  }
  const space = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.min(28, space * 0.7);
  bars.forEach((bar, i) => {
    if (bar.value <= 0) return;
    const x = plotLeft + i * space + (space - barWidth) / 2;
    const y = yOf(bar.value);
    doc
      .save()
      .rect(x, y, barWidth, plotTop + PLOT_HEIGHT - y)
      .fill(BAR)
      .restore();
  });
  doc
    .save()
    .moveTo(plotLeft, plotTop + PLOT_HEIGHT)
    .lineTo(plotLeft + plotWidth, plotTop + PLOT_HEIGHT)
    .lineWidth(0.8)
    .stroke('#9aa5b1')
    .restore();
  doc.font('Helvetica').fontSize(6.5).fillColor(MUTED);
  const every = labelEvery(space, Math.max(0, ...bars.map((b) => doc.widthOfString(b.label))));
  bars.forEach((bar, i) => {
    if (i % every) return;
    const center = plotLeft + i * space + space / 2;
    const w = space * every;
    doc.text(bar.label, center - w / 2, plotTop + PLOT_HEIGHT + 3, { width: w, align: 'center', lineBreak: false });
  });
  let y = plotTop + PLOT_HEIGHT + 18;

  if (!chart.shares.length) return y;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(chart.shareTitle, left, y, { width, lineBreak: false });
  y += 16;
  const colors = chart.shares.map((s, i) => (s.color && HEX.test(s.color) ? s.color : PALETTE[i % PALETTE.length]));
  let x = left;
  chart.shares.forEach((s, i) => {
    const w = s.share * width;
    if (w > 0) doc.save().rect(x, y, w, 10).fill(colors[i]).restore();
    x += w;
  });
  y += 16;
  const nameWidth = Math.min(220, width * 0.4);
  const barSpace = width - nameWidth - 120;
  doc.fontSize(8);
  chart.shares.forEach((s, i) => {
    doc
      .save()
      .rect(left, y + 1, 7, 7)
      .fill(colors[i])
      .restore();
    doc
      .font('Helvetica')
      .fillColor(INK)
      .text(pdfSafe(s.name || '(Without name)'), left + 12, y, {
        width: nameWidth - 16,
        lineBreak: false,
        ellipsis: true,
      });
    if (barSpace > 20)
      doc
        .save()
        .rect(left + nameWidth, y + 1.5, Math.max(0.5, s.share * barSpace), 6)
        .fill(colors[i])
        .restore();
    doc
      .font('Helvetica-Bold')
      .text(`${(s.share * 100).toFixed(1)}%`, left + width - 120, y, { width: 40, align: 'right', lineBreak: false });
    doc
      .font('Helvetica')
      .fillColor(MUTED)
      .text(pdfSafe(chart.format(s.value)), left + width - 76, y, { width: 76, align: 'right', lineBreak: false });
    y += 12;
  });
  doc.fillColor('black');
  return y + 4;
}
