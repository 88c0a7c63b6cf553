import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createOwner, Owner } from './factories';
import { createClientRow } from './factories/catalog';
import { invCreate, invProject } from './factories/invoices';
import { cents, repEntry, seconds } from './factories/reports';
import { teProject } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

/**
 * Exported documents as people see them: the PDFs' text extracted with
 * pdftotext (poppler-utils; .ci/run installs it) and checked for the values
 * and the layout (headers on one line, pages, repeated headers).
 */
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdfinfo', ['-v']).status === 0;
if (!hasPoppler) {
  console.warn(
    'documents.e2e-spec: pdftotext/pdfinfo (Debian package poppler-utils) not found, PDF text checks skipped; apt-get install poppler-utils',
  );
}
const describePdf = hasPoppler ? describe : describe.skip;

const dir = mkdtempSync(join(tmpdir(), 'documents-'));
let fileCount = 0;
function pdfFile(pdf: Buffer): string {
  const file = join(dir, `${++fileCount}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
/** Text of a PDF (pages `first`..`last`), laid out as on the page. */
function pdfText(pdf: Buffer, first?: number, last?: number): string {
  const pages = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
  return execFileSync('pdftotext', ['-layout', ...pages, pdfFile(pdf), '-']).toString('utf8');
}
function pdfInfo(pdf: Buffer): { pages: number; portrait: boolean } {
  const info = execFileSync('pdfinfo', [pdfFile(pdf)]).toString('utf8');
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), portrait: Number(w) < Number(h) };
}
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const hms = (s: number) =>
  [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
const lineWith = (text: string, needle: string | RegExp) =>
  text.split('\n').find((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l))) ?? '';
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describePdf('Exported documents (PDF text through pdftotext)', () => {
  let t: TestApp;
  let a: Owner;
  const url = (kind: string) => `/v1/workspaces/${a.workspace.id}/reports/${kind}`;
  const entries: { start: string; end: string; description: string; rate: number }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Ann Example');
    const apollo = await teProject(t.app, a.workspace.id, { name: 'Apollo relaunch' });
    const zeus = await teProject(t.app, a.workspace.id, { name: 'Zeus' });
    // 150 entries over May 2024 (about 4 pages of a detailed PDF); every third a long description.
    for (let i = 0; i < 150; i++) {
      const day = 1 + (i % 31);
      const start = `2024-05-${String(day).padStart(2, '0')}T${String(8 + (i % 8)).padStart(2, '0')}:00:00Z`;
      const end = new Date(Date.parse(start) + (1800 + (i % 5) * 900) * 1000).toISOString();
      const description =
        i % 3
          ? `Task ${i}`
          : `Entry ${i}: review of the checkout flow with the client, written notes and follow-up fixes`;
      entries.push({ start, end, description, rate: 10000 });
      await repEntry(t.app, a.workspace.id, {
        userId: a.user.id,
        projectId: i % 4 ? apollo : zeus,
        start,
        end,
        description,
        billable: true,
        hourlyRate: 10000,
      });
    }
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const total = () => entries.reduce((s, e) => s + seconds(e), 0);
  const earned = () => entries.reduce((s, e) => s + cents(seconds(e), e.rate), 0);
  const money = (c: number) => (c / 100).toFixed(2);

  it('detailed PDF: headers whole on one line, empty columns left out, range, totals and page number on every page, header repeated', async () => {
    const body = {
      dateRangeStart: '2024-05-01T00:00:00Z',
      dateRangeEnd: '2024-05-31T23:59:59Z',
      timeZone: 'UTC',
      sortOrder: 'ASCENDING',
      exportType: 'PDF',
      detailedFilter: { page: 1, pageSize: 10 },
    };
    const pdf = (
      await request(t.http)
        .post(url('detailed'))
        .set('X-Api-Key', a.apiKey)
        .send(body)
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    const header = lineWith(pdfText(pdf, 1, 1), 'Description');
    for (const name of [
      'Project',
      'Description',
      'User',
      'Billable',
      'Start Date',
      'Start Time',
      'End Time',
      'Duration (h)',
      'Billable Amount (USD)',
    ])
      expect(header).toContain(name);
    // No task, client or tag anywhere: those columns are left out.
    expect(header).not.toMatch(/\bTask\b|\bClient\b|\bTags\b/);
    for (let page = 1; page <= info.pages; page++) {
      const text = pdfText(pdf, page, page);
      expect(text).toContain('Detailed report');
      expect(text).toContain('2024-05-01 – 2024-05-31 (UTC)');
      expect(text).toContain(`Total: ${hms(total())}`);
      expect(text).toContain(`EARNED: ${money(earned())} USD`);
      expect(text).toContain(`Page ${page}`);
      expect(lineWith(text, 'Description')).toContain('Billable Amount (USD)');
    }
    const all = pdfText(pdf);
    // Every entry is there, in order, with its amount; long descriptions wrap inside their cell (first words on the row).
    const first = entries.slice().sort((x, y) => x.start.localeCompare(y.start))[0];
    const row = lineWith(all, first.description.slice(0, 20));
    expect(row).toContain(hms(seconds(first)));
    expect(row).toContain(money(cents(seconds(first), first.rate)));
    expect(all.match(/Apollo relaunch|Zeus/g)?.length).toBe(150);
  });

  it('summary PDF: a chart per day (per week past 62 days), the share of each project, then the table with subtotals', async () => {
    const body = {
      dateRangeStart: '2024-05-01T00:00:00Z',
      dateRangeEnd: '2024-05-31T23:59:59Z',
      timeZone: 'UTC',
      exportType: 'PDF',
      summaryFilter: { groups: ['PROJECT', 'USER'] },
    };
    const json = (
      await request(t.http)
        .post(url('summary'))
        .set('X-Api-Key', a.apiKey)
        .send({ ...body, exportType: undefined })
        .expect(200)
    ).body;
    const pdf = (
      await request(t.http)
        .post(url('summary'))
        .set('X-Api-Key', a.apiKey)
        .send(body)
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;
    const text = pdfText(pdf);
    expect(text).toContain('Amount (USD) per day');
    expect(text).toMatch(/May 1\b/);
    expect(text).toContain('Share by project');
    for (const group of json.groupOne as { name: string; amount: number; duration: number }[]) {
      const share = `${((group.amount / json.totals[0].totalAmount) * 100).toFixed(1)}%`;
      // Once in the legend, once in the table's subtotal row.
      expect(text.split('\n').filter((l) => l.includes(group.name) && l.includes(share))).toHaveLength(2);
      expect(lineWith(text.slice(text.indexOf('Project / User')), group.name)).toContain(hms(group.duration));
    }
    expect(lineWith(text.slice(text.indexOf('Project / User')), 'Ann Example')).toMatch(/\d\d:\d\d:\d\d/);
    expect(lineWith(text, /^\s*Total\s+\d/)).toContain('100.0%');

    const quarter = {
      ...body,
      dateRangeStart: '2024-04-01T00:00:00Z',
      dateRangeEnd: '2024-06-30T23:59:59Z',
      amountShown: 'HIDE_AMOUNT',
    };
    const weekly = pdfText(
      (
        await request(t.http)
          .post(url('summary'))
          .set('X-Api-Key', a.apiKey)
          .send(quarter)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer,
    );
    expect(weekly).toContain('Time per week');
    expect(weekly).not.toContain('USD');
  });

  it('weekly PDF: day headers, totals per user and per day', async () => {
    const body = {
      dateRangeStart: '2024-05-06T00:00:00',
      dateRangeEnd: '2024-05-12T23:59:59',
      timeZone: 'UTC',
      weekStart: 'MONDAY',
      weeklyFilter: { group: 'USER' },
    };
    const json = (await request(t.http).post(url('weekly')).set('X-Api-Key', a.apiKey).send(body).expect(200)).body;
    const pdf = (
      await request(t.http)
        .post(url('weekly'))
        .set('X-Api-Key', a.apiKey)
        .send({ ...body, exportType: 'PDF' })
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;
    const text = pdfText(pdf);
    expect(lineWith(text, 'Mon May 6')).toMatch(
      /User\s+Mon May 6\s+Tue May 7\s+Wed May 8\s+Thu May 9\s+Fri May 10\s+Sat May 11\s+Sun May 12\s+Total\s+Amount \(USD\)/,
    );
    const days = (json.totalsByDay as { duration: number }[]).map((d) => hms(d.duration));
    expect(
      lineWith(text, 'Ann Example')
        .split(/\s{2,}/)
        .slice(1, 9),
    ).toEqual([...days, hms(json.totals[0].totalTime)]);
    expect(
      lineWith(text, /^\s*Total\s+\d/)
        .trim()
        .split(/\s{2,}/)
        .slice(1, 10),
    ).toEqual([...days, hms(json.totals[0].totalTime), money(json.totals[0].totalAmount)]);
  });

  it('invoice PDF: sender, client address, logo, subject, items over pages with the header repeated, discount, taxes, payments, balance, notes', async () => {
    const db = t.app.get(DataSource);
    const upload = await request(t.http)
      .post('/v1/file/image')
      .set('X-Api-Key', a.apiKey)
      .attach('file', PNG, 'logo.png')
      .expect(200);
    await db.query(`UPDATE workspaces SET image_url = $2 WHERE id = $1`, [a.workspace.id, upload.body.url]);
    const client = await createClientRow(t.app, a.workspace.id, { name: 'Northwind Traders' });
    await db.query(`UPDATE clients SET address = $2 WHERE id = $1`, [client, 'Am Markt 1, 20095 Hamburg']);
    await invProject(t.app, a.workspace.id, client);
    const id = await invCreate(t.http, a.workspace.id, a.apiKey, client, { number: 'DOC-2024-1' });
    const base = `/v1/workspaces/${a.workspace.id}/invoices/${id}`;
    const long =
      'Website relaunch: design review, implementation of the new checkout flow and two rounds of client feedback, May 2024';
    await request(t.http)
      .post(`${base}/items`)
      .set('X-Api-Key', a.apiKey)
      .send({ description: long, itemType: 'Service', quantity: 1250, unitPrice: 10000, applyTaxes: 'TAX1TAX2' })
      .expect(200);
    for (let i = 2; i <= 45; i++) {
      await request(t.http)
        .post(`${base}/items`)
        .set('X-Api-Key', a.apiKey)
        .send({
          description: `Support, day ${i}`,
          itemType: 'Service',
          quantity: 100,
          unitPrice: 5000,
          applyTaxes: 'TAX1TAX2',
        })
        .expect(200);
    }
    await request(t.http)
      .put(base)
      .set('X-Api-Key', a.apiKey)
      .send({
        currency: 'USD',
        number: 'DOC-2024-1',
        issuedDate: '2024-06-01T00:00:00Z',
        dueDate: '2024-06-30T00:00:00Z',
        discountPercent: 10,
        taxPercent: 8,
        tax2Percent: 2.5,
        subject: 'Services, May 2024',
        note: 'Please pay by bank transfer within 30 days.',
      })
      .expect(200);
    await request(t.http)
      .post(`${base}/payments`)
      .set('X-Api-Key', a.apiKey)
      .send({ amount: 50000, note: 'Advance', paymentDate: '2024-06-05T00:00:00Z' })
      .expect(201);
    const invoice = (await request(t.http).get(base).set('X-Api-Key', a.apiKey).expect(200)).body;
    const pdf = (
      await request(t.http)
        .get(`${base}/export?userLocale=en`)
        .set('X-Api-Key', a.apiKey)
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;

    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ portrait: true });
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect(
      execFileSync('pdfimages', ['-list', pdfFile(pdf)])
        .toString()
        .split('\n')
        .filter((l) => /^\s*1\s+\d+\s+image/.test(l)),
    ).toHaveLength(1);
    const first = pdfText(pdf, 1, 1);
    expect(first).toContain('INVOICE');
    expect(first).toContain('DOC-2024-1');
    expect(lineWith(first, 'BILL FROM')).toContain('BILL TO');
    expect(first).toContain(invoice.billFrom);
    expect(first).toContain('Northwind Traders');
    expect(first).toContain('Am Markt 1, 20095 Hamburg');
    expect(first).toContain('Jun 1, 2024');
    expect(first).toContain('Services, May 2024');
    // One header line, nothing of it wrapped onto the next.
    expect(lineWith(first, 'DESCRIPTION')).toMatch(/DESCRIPTION\s+ITEM TYPE\s+QUANTITY\s+UNIT PRICE\s+AMOUNT/);
    // The long description wraps inside its cell: its first words share the row with the figures, the rest follow below.
    expect(lineWith(first, 'Website relaunch')).toMatch(/12\.5\s+USD 100\.00\s+USD 1,250\.00/);
    expect(first).toContain('May 2024');
    for (let page = 2; page <= info.pages; page++) {
      const text = pdfText(pdf, page, page);
      expect(text).toContain(`Page ${page} of ${info.pages}`);
      if (text.includes('Support, day'))
        expect(lineWith(text, 'DESCRIPTION')).toMatch(/DESCRIPTION\s+ITEM TYPE\s+QUANTITY\s+UNIT PRICE\s+AMOUNT/);
    }
    const all = pdfText(pdf);
    expect(all.match(/Support, day \d+/g)).toHaveLength(44);
    const usd = (c: number) => `USD ${(c / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`;
    expect(lineWith(all, 'SUBTOTAL')).toContain(usd(invoice.subtotal));
    expect(lineWith(all, 'DISCOUNT (10%)')).toContain(`-${usd(invoice.discountAmount)}`);
    expect(lineWith(all, 'TAX (8%)')).toContain(usd(invoice.taxAmount));
    expect(lineWith(all, 'TAX2 (2.5%)')).toContain(usd(invoice.tax2Amount));
    expect(lineWith(all, /(^|\s)TOTAL\s+USD/)).toContain(usd(invoice.amount));
    expect(lineWith(all, 'Advance')).toContain('USD 500.00');
    expect(lineWith(all, /(^|\s)PAID\s+USD/)).toContain('USD 500.00');
    expect(lineWith(all, 'TOTAL AMOUNT DUE')).toContain(usd(invoice.amount - 50000));
    expect(all).toContain('Please pay by bank transfer within 30 days.');

    // The locale writes the money: German grouping, the code after.
    const de = pdfText(
      (
        await request(t.http)
          .get(`${base}/export?userLocale=de-DE`)
          .set('X-Api-Key', a.apiKey)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer,
    );
    expect(lineWith(de, 'TOTAL AMOUNT DUE')).toContain(
      `${((invoice.amount - 50000) / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 })} USD`,
    );
    expect(de).toContain('01.06.2024');
  });
});
