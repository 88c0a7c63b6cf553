import ExcelJS from 'exceljs';
import { inflateSync } from 'node:zlib';
import request from 'supertest';
import { createOwner, Owner } from './factories';
import { cents, repEntry, seconds } from './factories/reports';
import { teProject, teTag } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
const hmsToSeconds = (v: string) =>
  v
    .split(':')
    .map(Number)
    .reduce((s, n) => s * 60 + n, 0);
/** An XLSX time value as exceljs reads it (a Date from Excel's 1899-12-30 epoch), or a formula's cached one, in seconds. */
const xlsxSeconds = (v: unknown): number => {
  const value = v !== null && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
  return value instanceof Date ? Math.round((value.getTime() - Date.UTC(1899, 11, 30)) / 1000) : NaN;
};
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
/** The text a PDF shows: its content streams inflated, then the hex and literal strings of its text operators decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      content = m[1];
    }
    for (const s of content.matchAll(/<([0-9a-fA-F]+)>|\(((?:\\.|[^\\)])*)\)/g)) {
      text += s[1] ? Buffer.from(s[1], 'hex').toString('latin1') : s[2];
    }
    text += '\n';
  }
  return text;
}

describe('Report exports (CSV, XLSX, PDF)', () => {
  let t: TestApp;
  let a: Owner;
  const entries = [
    { start: '2024-05-06T09:00:00Z', end: '2024-05-06T10:30:00Z', description: 'Plain', billable: true, rate: 10000 },
    {
      start: '2024-05-07T11:00:00Z',
      end: '2024-05-07T11:20:00Z',
      description: 'Quote "this", and comma',
      billable: true,
      rate: 7500,
    },
    {
      start: '2024-05-08T22:30:00Z',
      end: '2024-05-09T01:00:00Z',
      description: 'Late\nnight',
      billable: false,
      rate: 10000,
    },
  ];
  const total = entries.reduce((s, e) => s + seconds(e), 0);
  const earned = entries.reduce((s, e) => s + (e.billable ? cents(seconds(e), e.rate) : 0), 0);
  const money = (c: number) => (c / 100).toFixed(2);
  const detailed = (exportType?: string) => ({
    dateRangeStart: '2024-05-01T00:00:00Z',
    dateRangeEnd: '2024-05-31T23:59:59Z',
    timeZone: 'UTC',
    sortOrder: 'ASCENDING',
    detailedFilter: { page: 1, pageSize: 1 },
    ...(exportType ? { exportType } : {}),
  });
  const url = (kind: string) => `/v1/workspaces/${a.workspace.id}/reports/${kind}`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    const projectId = await teProject(t.app, a.workspace.id, { name: 'Apollo, Inc.' });
    const tag = await teTag(t.app, a.workspace.id, 'Urgent');
    for (const e of entries) {
      await repEntry(t.app, a.workspace.id, {
        userId: a.user.id,
        projectId,
        start: e.start,
        end: e.end,
        description: e.description,
        billable: e.billable,
        hourlyRate: e.rate,
        tagIds: [tag],
      });
    }
  });
  afterAll(() => t.app.close());

  it('the ladder of an export: 401 without credentials, 400 for an unknown exportType', async () => {
    await request(t.http).post(url('detailed')).send(detailed('CSV')).expect(401);
    await request(t.http).post(url('detailed')).set('X-Api-Key', a.apiKey).send(detailed('DOCX')).expect(400);
    await request(t.http)
      .post(url('detailed'))
      .set('X-Api-Key', a.apiKey)
      .send({ ...detailed('CSV'), timeZone: 'Nowhere/Land' })
      .expect(400);
  });

  it('detailed CSV: every entry (paging ignored), the same as the JSON report', async () => {
    const json = (
      await request(t.http)
        .post(url('detailed'))
        .set('X-Api-Key', a.apiKey)
        .send({ ...detailed(), detailedFilter: { page: 1, pageSize: 50 } })
        .expect(200)
    ).body;
    const res = await request(t.http)
      .post(url('detailed'))
      .set('X-Api-Key', a.apiKey)
      .send(detailed('CSV'))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([
      'Project',
      'Client',
      'Description',
      'Task',
      'User',
      'Email',
      'Tags',
      'Billable',
      'Start Date',
      'Start Time',
      'End Date',
      'End Time',
      'Duration (h)',
      'Duration (decimal)',
      'Billable Rate (USD)',
      'Billable Amount (USD)',
    ]);
    expect(rows).toHaveLength(3);
    const col = (name: string) => header.indexOf(name);
    rows.forEach((row, i) => {
      const e = json.timeentries[i];
      expect(row[col('Description')]).toBe(entries[i].description);
      expect(row[col('Description')]).toBe(e.description);
      expect(row[col('Project')]).toBe('Apollo, Inc.');
      expect(row[col('Tags')]).toBe('Urgent');
      expect(hmsToSeconds(row[col('Duration (h)')])).toBe(e.timeInterval.duration);
      expect(`${row[col('Start Date')]}T${row[col('Start Time')]}Z`).toBe(e.timeInterval.start);
      expect(row[col('Billable Amount (USD)')]).toBe(money(e.amount));
    });
    expect(rows.reduce((s, r) => s + hmsToSeconds(r[col('Duration (h)')]), 0)).toBe(total);
    expect(json.totals[0]).toMatchObject({ totalTime: total, totalAmount: earned });
  });

  it('detailed CSV dates and times are in the report zone', async () => {
    const res = await request(t.http)
      .post(url('detailed'))
      .set('X-Api-Key', a.apiKey)
      .send({ ...detailed('CSV'), timeZone: 'America/New_York' })
      .expect(200);
    const [, , , late] = parseCsv(res.text);
    expect(late.slice(8, 12)).toEqual(['2024-05-08', '18:30:00', '2024-05-08', '21:00:00']);
  });

  it('detailed XLSX opened with exceljs matches the entries', async () => {
    const res = await request(t.http)
      .post(url('detailed'))
      .set('X-Api-Key', a.apiKey)
      .send(detailed('XLSX'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as Buffer);
    const sheet = book.worksheets[0];
    // The entries, then a Total row of formulas.
    expect(sheet.rowCount).toBe(5);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (r: number, name: string) => sheet.getRow(r).getCell(header.indexOf(name) + 1);
    const at = (r: number, name: string) => cell(r, name).value;
    entries.forEach((e, i) => {
      expect(at(i + 2, 'Description')).toBe(e.description);
      expect(xlsxSeconds(at(i + 2, 'Duration (h)'))).toBe(seconds(e));
      expect(cell(i + 2, 'Duration (h)').numFmt).toBe('[h]:mm:ss');
      expect(at(i + 2, 'Duration (decimal)')).toBe(Math.round(seconds(e) / 36) / 100);
      expect(at(i + 2, 'Billable Amount (USD)')).toBe(e.billable ? cents(seconds(e), e.rate) / 100 : 0);
      expect(cell(i + 2, 'Billable Amount (USD)').numFmt).toBe('#,##0.00 "USD"');
    });
    expect(at(5, 'Project')).toBe('Total');
    const durationColumn = sheet.getColumn(header.indexOf('Duration (h)') + 1).letter;
    expect(at(5, 'Duration (h)')).toEqual({ formula: `SUM(${durationColumn}2:${durationColumn}4)` });
    expect(at(5, 'Billable Rate (USD)')).toBeNull();
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(header.length).letter}4`);
  });

  it('detailed PDF: starts with %PDF and names the totals', async () => {
    const res = await request(t.http)
      .post(url('detailed'))
      .set('X-Api-Key', a.apiKey)
      .send(detailed('PDF'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const text = pdfText(pdf);
    expect(text).toContain('Detailed report');
    expect(text).toContain(`Total: ${new Date(total * 1000).toISOString().slice(11, 19)}`);
    expect(text).toContain(`EARNED: ${money(earned)} USD`);
  });

  it('summary CSV and XLSX: groups and Total row equal the JSON report', async () => {
    const body = {
      dateRangeStart: '2024-05-01T00:00:00Z',
      dateRangeEnd: '2024-05-31T23:59:59Z',
      timeZone: 'UTC',
      summaryFilter: { groups: ['PROJECT', 'DATE'] },
    };
    const json = (await request(t.http).post(url('summary')).set('X-Api-Key', a.apiKey).send(body).expect(200)).body;
    const res = await request(t.http)
      .post(url('summary'))
      .set('X-Api-Key', a.apiKey)
      .send({ ...body, exportType: 'CSV' })
      .expect(200);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(['Project', 'Date', 'Duration (h)', 'Duration (decimal)', 'Amount (USD)']);
    expect(rows[0]).toEqual([
      'Apollo, Inc.',
      '',
      new Date(json.groupOne[0].duration * 1000).toISOString().slice(11, 19),
      (json.groupOne[0].duration / 3600).toFixed(2),
      money(json.groupOne[0].amount),
    ]);
    expect(rows.slice(1, -1).map((r) => [r[1], hmsToSeconds(r[2])])).toEqual(
      json.groupOne[0].children.map((c: { name: string; duration: number }) => [c.name, c.duration]),
    );
    expect(rows.at(-1)?.slice(0, 1)).toEqual(['Total']);
    expect(hmsToSeconds(rows.at(-1)?.[2] ?? '')).toBe(total);
    expect(rows.at(-1)?.[4]).toBe(money(earned));

    const xlsx = await request(t.http)
      .post(url('summary'))
      .set('X-Api-Key', a.apiKey)
      .send({ ...body, exportType: 'XLSX' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Buffer);
    const last = book.worksheets[0].getRow(book.worksheets[0].rowCount);
    expect(last.getCell(1).value).toBe('Total');
    expect(xlsxSeconds(last.getCell(3).value)).toBe(total);
    // The total sums the first-level groups only (rows whose User cell is empty), not their subgroups again.
    expect(last.getCell(5).value).toEqual({
      formula: `SUMIFS(E2:E${last.number - 1},B2:B${last.number - 1},"")`,
      result: earned / 100,
    });
    const pdf = await request(t.http)
      .post(url('summary'))
      .set('X-Api-Key', a.apiKey)
      .send({ ...body, exportType: 'PDF' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdfText(pdf.body as Buffer)).toContain(`EARNED: ${money(earned)} USD`);
  });

  it('weekly CSV, XLSX and PDF: day columns and totals equal the JSON report', async () => {
    const body = {
      dateRangeStart: '2024-05-06T00:00:00',
      dateRangeEnd: '2024-05-12T23:59:59',
      timeZone: 'UTC',
      weekStart: 'MONDAY',
      weeklyFilter: { group: 'USER' },
    };
    const json = (await request(t.http).post(url('weekly')).set('X-Api-Key', a.apiKey).send(body).expect(200)).body;
    const res = await request(t.http)
      .post(url('weekly'))
      .set('X-Api-Key', a.apiKey)
      .send({ ...body, exportType: 'CSV' })
      .expect(200);
    const [header, ...rows] = parseCsv(res.text);
    expect(header.slice(1, 8)).toEqual(json.totalsByDay.map((d: { date: string }) => d.date));
    const totalRow = rows.at(-1) ?? [];
    expect(totalRow[0]).toBe('Total');
    expect(totalRow.slice(1, 8).map(hmsToSeconds)).toEqual(
      json.totalsByDay.map((d: { duration: number }) => d.duration),
    );
    expect(hmsToSeconds(totalRow[8])).toBe(total);
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(0, 9)).toEqual([
      'Alice',
      ...json.groupOne[0].days.map((d: { duration: number }) =>
        new Date(d.duration * 1000).toISOString().slice(11, 19),
      ),
      totalRow[8],
    ]);

    const xlsx = await request(t.http)
      .post(url('weekly'))
      .set('X-Api-Key', a.apiKey)
      .send({ ...body, exportType: 'XLSX' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Buffer);
    const sheet = book.worksheets[0];
    expect(xlsxSeconds(sheet.getRow(sheet.rowCount).getCell(9).value)).toBe(hmsToSeconds(totalRow[8]));
    expect(sheet.getRow(sheet.rowCount).getCell(9).value).toMatchObject({ formula: `SUM(I2:I${sheet.rowCount - 1})` });
    const pdf = await request(t.http)
      .post(url('weekly'))
      .set('X-Api-Key', a.apiKey)
      .send({ ...body, exportType: 'PDF' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
    expect(pdfText(pdf.body as Buffer)).toContain(`Total: ${totalRow[8]}`);
  });

  it('a public shared report in its saved export type, and overridden by the query', async () => {
    const created = await request(t.http)
      .post(`/v1/workspaces/${a.workspace.id}/shared-reports`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'CSV share', type: 'DETAILED', isPublic: true, fixedDate: true, filter: detailed('CSV') })
      .expect(200);
    const csv = await request(t.http).get(`/v1/shared-reports/${created.body.id}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(parseCsv(csv.text)).toHaveLength(4);
    const json = await request(t.http).get(`/v1/shared-reports/${created.body.id}?exportType=JSON`).expect(200);
    expect(json.body.totals[0]).toMatchObject({ totalTime: total });
    const pdf = await request(t.http)
      .get(`/v1/shared-reports/${created.body.id}?exportType=PDF`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
  });
});
