/**
 * Renders the sample documents of docs/samples/ from fixed data (no database):
 * `npx ts-node --transpile-only scripts/render-samples.ts [dir]`, then
 * `pdftoppm -r 50 -png -f 1 -l 1 <pdf> <name>` for page-1 pictures.
 * The writers are the ones the API uses; only the rows are made up.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { InvoiceOverviewDto } from '../src/modules/invoices/dto/invoice.dto';
import { renderInvoicePdf } from '../src/modules/invoices/invoice-pdf.render';
import { toSettingsDto } from '../src/modules/invoices/invoice-settings.service';
import type { ExportCell, ExportTable } from '../src/modules/reports/export/export-table';
import { writePdf } from '../src/modules/reports/export/pdf-writer';
import { summaryExportTable } from '../src/modules/reports/export/summary-export';
import { weeklyExportTable } from '../src/modules/reports/export/weekly-export';
import { writeXlsx } from '../src/modules/reports/export/xlsx-writer';
import type { ReportScope } from '../src/modules/reports/filter';
import type { TimeEntrySummaryReportDto } from '../src/modules/reports/summary/dto/summary-report.dto';
import type { WeeklyResult } from '../src/modules/reports/weekly/weekly-report.service';

const dir = process.argv[2] ?? 'docs/samples';
const scope = {
  workspaceId: 'w',
  userId: 'u',
  isAdmin: true,
  timeZone: 'Europe/Berlin',
  weekStart: 'MONDAY',
  start: new Date('2024-04-30T22:00:00Z'),
  end: new Date('2024-05-31T21:59:59Z'),
  rounding: null,
  amountShown: 'EARNED',
  amountTypes: ['EARNED'],
  currency: 'EUR',
} as unknown as ReportScope;
const projects = [
  { name: 'Website relaunch', color: '#03a9f4', client: 'Acme GmbH' },
  { name: 'Mobile app', color: '#8bc34a', client: 'Acme GmbH' },
  { name: 'Internal tooling', color: '#ff9800', client: '' },
  { name: 'Support retainer', color: '#9c27b0', client: 'Northwind' },
];
const users = ['Ann Example', 'Ben Sample', 'Cleo Demo'];
const hms = (s: number) =>
  [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
const seeded = (i: number) => ((i * 2654435761) % 1000) / 1000;

async function toFile(name: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const out = createWriteStream(join(dir, name));
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  await write(out);
  if (!out.writableEnded) out.end();
  await closed;
}

function summary(): ExportTable {
  const days = Array.from({ length: 31 }, (_, i) => `2024-05-${String(i + 1).padStart(2, '0')}`);
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0;
  const chart = days.filter(weekday).map((d, i) => ({
    id: d,
    totalTime: 14400 + Math.round(seeded(i) * 18000),
    totalBillableTime: 0,
    totalAmount: 0,
    earned: 0,
  }));
  chart.forEach((c) => (c.totalAmount = Math.round((c.totalTime * 9000) / 3600)));
  const totalTime = chart.reduce((s, c) => s + c.totalTime, 0);
  const weights = [0.46, 0.28, 0.16, 0.1];
  const groupOne = projects.map((p, i) => {
    const duration = Math.round(totalTime * weights[i]);
    const children = users.map((u, k) => ({
      id: `${i}${k}`,
      name: u,
      nameLowerCase: u.toLowerCase(),
      duration: Math.round(duration * [0.5, 0.3, 0.2][k]),
      amount: Math.round((duration * [0.5, 0.3, 0.2][k] * 9000) / 3600),
    }));
    return {
      id: String(i),
      name: p.name,
      nameLowerCase: p.name.toLowerCase(),
      color: p.color,
      duration: children.reduce((s, c) => s + c.duration, 0),
      amount: children.reduce((s, c) => s + c.amount, 0),
      children,
    };
  });
  const sum = (k: 'duration' | 'amount') => groupOne.reduce((s, g) => s + g[k], 0);
  const report = {
    totals: [
      {
        id: '',
        totalTime: sum('duration'),
        totalBillableTime: Math.round(sum('duration') * 0.9),
        entriesCount: 120,
        totalAmount: sum('amount'),
        amounts: [{ type: 'EARNED', value: sum('amount') }],
      },
    ],
    groupOne,
    chart,
  } as unknown as TimeEntrySummaryReportDto;
  return summaryExportTable(report, scope, ['PROJECT', 'USER'], '2024-05-01-2024-05-31');
}

function detailed(rows: number): ExportTable {
  const data: ExportCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const p = projects[i % projects.length];
    const seconds = 1800 + Math.round(seeded(i) * 12600);
    const day = `2024-05-${String(1 + (i % 31)).padStart(2, '0')}`;
    const start = 8 * 3600 + (i % 5) * 1800;
    const description =
      i % 3 === 0
        ? 'Review of the checkout flow with the client, notes sent afterwards'
        : i % 3 === 1
          ? 'Fix login bug'
          : '';
    data.push([
      p.name,
      p.client || null,
      description,
      null,
      users[i % 3],
      'x@example.com',
      i % 4 === 0 ? 'Urgent' : null,
      'Yes',
      day,
      hms(start),
      day,
      hms(start + seconds),
      hms(seconds),
      (seconds / 3600).toFixed(2),
      '90.00',
      ((seconds * 90) / 3600).toFixed(2),
    ]);
  }
  const chars = data[0].map((_, k) => Math.max(0, ...data.map((r) => (r[k] === null ? 0 : String(r[k]).length))));
  const total = data.reduce((s, r) => s + Number(r[13]) * 3600, 0);
  return {
    fileName: 'detailed',
    title: 'Detailed report',
    subtitle: '2024-05-01 – 2024-05-31 (Europe/Berlin)',
    currency: 'EUR',
    columns: [
      { header: 'Project', wrap: true },
      { header: 'Client', wrap: true },
      { header: 'Description', wrap: true },
      { header: 'Task', wrap: true },
      { header: 'User', wrap: true },
      { header: 'Email', pdf: false },
      { header: 'Tags', wrap: true },
      { header: 'Billable' },
      { header: 'Start Date', kind: 'date' },
      { header: 'Start Time' },
      { header: 'End Date', pdf: false, kind: 'date' },
      { header: 'End Time' },
      { header: 'Duration (h)', numeric: true, kind: 'duration' },
      { header: 'Duration (decimal)', numeric: true, pdf: false, xlsxNumber: true, kind: 'hours' },
      { header: 'Billable Rate (EUR)', numeric: true, pdf: false, xlsxNumber: true, kind: 'money', total: false },
      { header: 'Billable Amount (EUR)', numeric: true, xlsxNumber: true, kind: 'money' },
    ],
    // A generator, as the cursor's batches are: the writer cannot look ahead and uses the widths measured "by PostgreSQL".
    batches: (async function* () {
      for (let i = 0; i < data.length; i += 1000) yield data.slice(i, i + 1000);
    })(),
    pdfColumnChars: chars,
    totals: [
      `Total: ${hms(Math.round(total))}`,
      `Billable: ${hms(Math.round(total))}`,
      `Entries: ${rows}`,
      `EARNED: ${((total * 90) / 3600).toFixed(2)} EUR`,
    ],
  };
}

function weekly(): ExportTable {
  const days = ['2024-05-06', '2024-05-07', '2024-05-08', '2024-05-09', '2024-05-10', '2024-05-11', '2024-05-12'];
  const groupOne = users.map((u, k) => {
    const perDay = days.map((d, i) => ({
      date: d,
      duration: i >= 5 ? 0 : 21600 + Math.round(seeded(i + k * 7) * 10800),
      amount: 0,
    }));
    perDay.forEach((d) => (d.amount = Math.round((d.duration * 9000) / 3600)));
    const duration = perDay.reduce((s, d) => s + d.duration, 0);
    return {
      _id: String(k),
      id: String(k),
      name: u,
      nameLowerCase: u.toLowerCase(),
      duration,
      amount: Math.round((duration * 9000) / 3600),
      days: perDay,
    };
  });
  const totalsByDay = days.map((d, i) => ({
    date: d,
    duration: groupOne.reduce((s, g) => s + g.days[i].duration, 0),
    amount: 0,
  }));
  const totalTime = groupOne.reduce((s, g) => s + g.duration, 0);
  const result = {
    scope: { ...scope, start: new Date('2024-05-05T22:00:00Z'), end: new Date('2024-05-12T21:59:59Z') },
    days,
    report: {
      groupOne,
      totalsByDay,
      totals: [
        {
          id: '',
          totalTime,
          totalBillableTime: totalTime,
          entriesCount: 40,
          totalAmount: Math.round((totalTime * 9000) / 3600),
          amounts: [{ type: 'EARNED', value: Math.round((totalTime * 9000) / 3600) }],
        },
      ],
    },
  } as unknown as WeeklyResult;
  return weeklyExportTable(result, false);
}

async function invoice(): Promise<void> {
  const items = Array.from({ length: 6 }, (_, i) => ({
    description:
      i === 0
        ? 'Website relaunch: design review, implementation of the new checkout and two rounds of client feedback (May 2024)'
        : `Support retainer, week ${19 + i}`,
    itemType: 'Service',
    quantity: 800 + i * 125,
    unitPrice: 9000,
    amount: (800 + i * 125) * 90,
    applyTaxes: 'TAX1TAX2',
    importType: 'NOT_IMPORTED',
    order: i + 1,
    timeEntryIds: [],
    expenseIds: [],
  }));
  const subtotal = items.reduce((s, i) => s + i.amount, 0);
  const discountAmount = Math.round(subtotal * 0.05);
  const taxAmount = Math.round((subtotal - discountAmount) * 0.19);
  const amount = subtotal - discountAmount + taxAmount;
  const invoiceDto = {
    amount,
    balance: amount - 200000,
    billFrom: 'Example Studio GmbH\nHauptstraße 5\n10115 Berlin, Germany',
    calculationType: 'INVOICE_BASED',
    clientAddress: 'Acme GmbH\nAm Markt 1\n20095 Hamburg',
    clientId: 'c',
    clientName: 'Acme GmbH',
    companyId: null,
    containsImportedExpenses: false,
    containsImportedTimes: false,
    currency: 'EUR',
    discount: 5,
    discountAmount,
    dueDate: '2024-06-30T00:00:00Z',
    id: 'i',
    issuedDate: '2024-06-01T00:00:00Z',
    items,
    note: 'Please pay by bank transfer within 30 days (IBAN DE00 1234 5678 9000 0000 00). Thank you!',
    number: 'INV-2024-042',
    paid: 200000,
    status: 'PARTIALLY_PAID',
    subject: 'Services, May 2024',
    subtotal,
    tax: 19,
    tax2: 0,
    tax2Amount: 0,
    taxAmount,
    taxType: 'SIMPLE',
    userId: 'u',
    visibleZeroFields: [],
  } as unknown as InvoiceOverviewDto;
  const settings = toSettingsDto({
    workspace_id: 'w',
    number_prefix: '',
    next_number: '1',
    due_days: 30,
    company_id: null,
    item_type_id: null,
    subject: '',
    notes: '',
    tax_type: 'SIMPLE',
    tax_percent: '0',
    tax2_percent: '0',
    labels: {},
    export_fields: { tax2: false },
  });
  const pdf = await renderInvoicePdf({
    invoice: invoiceDto,
    settings,
    payments: [{ paidAt: '2024-06-10T00:00:00Z', note: 'Bank transfer', amount: 200000 }],
    logo: null,
    locale: 'de-DE',
  });
  writeFileSync(join(dir, 'invoice.pdf'), pdf);
}

async function main(): Promise<void> {
  await invoice();
  await toFile('summary.pdf', (out) => writePdf(out, summary()));
  await toFile('detailed.pdf', (out) => writePdf(out, detailed(Number(process.env.SAMPLE_ROWS ?? 60))));
  await toFile('weekly.pdf', (out) => writePdf(out, weekly()));
  await toFile('summary.xlsx', (out) => writeXlsx(out, summary()));
  await toFile('detailed.xlsx', (out) => writeXlsx(out, detailed(40)));
}

void main();
