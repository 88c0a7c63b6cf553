import ExcelJS from 'exceljs';
import request from 'supertest';
import { Account, createMember, createOwner, Owner } from './factories';
import { insertExpenseCategory, insertExpenseProject } from './factories/expenses';
import { teSetting } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

interface Expense {
  id: string;
  userId: string;
  projectId: string | null;
  categoryId: string;
  categoryName: string;
  amount: number | null;
  billable: boolean;
  date: string;
  notes: string;
  quantity: number;
  userName: string;
  projectName: string | null;
  locked: boolean;
  invoicingInfo: { invoiceId: string | null; manuallyInvoiced: boolean };
}
interface Report {
  expenses: Expense[];
  totals: { expensesCount: number; totalAmount: number | null; totalAmountBillable: number | null };
}
interface Seed {
  key: 'owner' | 'member';
  cents: number;
  categoryId: () => string;
  date: string;
  projectId?: () => string;
  billable: boolean;
  notes: string;
  amount?: string;
}

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  return rows;
}

/** Decimal text (`12.34`) as integer cents, exactly. */
const toCents = (text: string) => {
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
};
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('Reports: POST /reports/expenses/detailed', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let meals: string;
  let travel: string;
  let mileage: string;
  let p1: string;
  let p2: string;
  const RANGE = {
    dateRangeStart: '2024-01-01T00:00:00',
    dateRangeEnd: '2024-01-31T23:59:59.999',
    timeZone: 'Europe/Berlin',
  };
  const url = (ws: string) => `/v1/workspaces/${ws}/reports/expenses/detailed`;
  const post = (body: object, key = a.apiKey, ws = a.workspace.id) =>
    request(t.http)
      .post(url(ws))
      .set('X-Api-Key', key)
      .send({ ...RANGE, ...body });
  const ok = async (body: object, key?: string): Promise<Report> => {
    const res = await post(body, key);
    expect(res.status).toBe(200);
    return res.body as Report;
  };
  // Expenses in January (report range), one in February (outside), each created through POST /expenses.
  const seeds: Record<string, Seed & { id?: string }> = {
    lunch: {
      key: 'owner',
      cents: 9950,
      categoryId: () => meals,
      date: '2024-01-05',
      projectId: () => p1,
      billable: true,
      notes: 'Client lunch',
    },
    taxi: {
      key: 'owner',
      cents: 2375,
      categoryId: () => travel,
      date: '2024-01-10',
      projectId: () => p2,
      billable: false,
      notes: 'Taxi, airport',
    },
    km: {
      key: 'owner',
      cents: 3330,
      amount: '10',
      categoryId: () => mileage,
      date: '2024-01-31',
      projectId: () => p1,
      billable: true,
      notes: 'Drive "north"',
    },
    hotel: {
      key: 'member',
      cents: 12001,
      categoryId: () => travel,
      date: '2024-01-15',
      projectId: () => p1,
      billable: true,
      notes: 'Hotel',
    },
    snack: { key: 'member', cents: 305, categoryId: () => meals, date: '2024-01-01', billable: false, notes: '' },
    feb: {
      key: 'owner',
      cents: 5000,
      categoryId: () => meals,
      date: '2024-02-01',
      projectId: () => p1,
      billable: true,
      notes: 'Later',
    },
  };
  const JAN = ['lunch', 'taxi', 'km', 'hotel', 'snack'];
  const sum = (names: string[], billableOnly = false) =>
    names.filter((n) => !billableOnly || seeds[n].billable).reduce((s, n) => s + seeds[n].cents, 0);
  const ids = (names: string[]) => names.map((n) => seeds[n].id).sort();
  const idsOf = (r: Report) => r.expenses.map((e) => e.id).sort();

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Mallory' });
    meals = await insertExpenseCategory(t.app, a.workspace.id, { name: 'Meals' });
    travel = await insertExpenseCategory(t.app, a.workspace.id, { name: 'Travel' });
    mileage = await insertExpenseCategory(t.app, a.workspace.id, {
      name: 'Mileage',
      hasUnitPrice: true,
      priceInCents: 333,
      unit: 'km',
    });
    p1 = await insertExpenseProject(t.app, a.workspace.id, 'Apollo');
    p2 = await insertExpenseProject(t.app, a.workspace.id, 'Zeus');
    await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeAllTimeEntries', true);
    for (const seed of Object.values(seeds)) {
      const key = seed.key === 'owner' ? a.apiKey : member.apiKey;
      let req = request(t.http)
        .post(`/v1/workspaces/${a.workspace.id}/expenses`)
        .set('X-Api-Key', key)
        .field('amount', seed.amount ?? String(seed.cents / 100))
        .field('categoryId', seed.categoryId())
        .field('date', seed.date)
        .field('billable', String(seed.billable))
        .field('notes', seed.notes);
      if (seed.projectId) req = req.field('projectId', seed.projectId());
      const res = await req;
      expect(res.status).toBe(201);
      expect(Math.round((res.body as { total: number }).total * 100)).toBe(seed.cents);
      seed.id = (res.body as { id: string }).id;
    }
  });

  afterAll(() => t.app.close());

  describe('ladder', () => {
    it('401 without credentials', () => request(t.http).post(url(a.workspace.id)).send(RANGE).expect(401));
    it('403 for a caller of another workspace', () => post({}, b.apiKey).expect(403));
    it('400 for a malformed workspace id', () =>
      request(t.http).post(url('nope')).set('X-Api-Key', a.apiKey).send(RANGE).expect(400));
    it('403 for a member asking for another user', () =>
      post({ users: { ids: [a.user.id], contains: 'CONTAINS' } }, member.apiKey).expect(403));
    it("another workspace's ids match nothing here", async () => {
      const other = await insertExpenseProject(t.app, b.workspace.id, 'Elsewhere');
      const r = await ok({ projects: { ids: [other] } });
      expect(r.expenses).toEqual([]);
      expect(r.totals).toEqual({ expensesCount: 0, totalAmount: 0, totalAmountBillable: 0 });
      // B's own report does not see A's expenses either.
      const theirs = await post({}, b.apiKey, b.workspace.id).expect(200);
      expect(theirs.body).toEqual({
        expenses: [],
        totals: { expensesCount: 0, totalAmount: 0, totalAmountBillable: 0 },
      });
    });
    it.each([
      ['end before start', { dateRangeStart: '2024-02-01T00:00:00', dateRangeEnd: '2024-01-01T00:00:00' }],
      ['missing dateRangeStart', { dateRangeStart: undefined }],
      ['malformed date', { dateRangeStart: 'yesterday' }],
      ['unknown field', { tags: { ids: [] } }],
      ['bad sortColumn', { sortColumn: 'DURATION' }],
      ['pageSize 0', { pageSize: 0 }],
      ['bad exportType', { exportType: 'DOCX' }],
      ['unknown time zone', { timeZone: 'Mars/Olympus' }],
    ])('400: %s', async (_, body) => {
      const res = await post(body);
      expect(res.status).toBe(400);
    });
  });

  describe('JSON', () => {
    it('an admin sees every January expense with totals computed independently', async () => {
      const r = await ok({});
      expect(idsOf(r)).toEqual(ids(JAN));
      expect(r.totals).toEqual({
        expensesCount: 5,
        totalAmount: sum(JAN) / 100,
        totalAmountBillable: sum(JAN, true) / 100,
      });
      const km = r.expenses.find((e) => e.id === seeds.km.id);
      expect(km).toMatchObject({
        amount: 33.3,
        quantity: 10,
        categoryName: 'Mileage',
        projectName: 'Apollo',
        userName: 'Alice',
        billable: true,
        date: '2024-01-31T00:00:00Z',
        notes: 'Drive "north"',
        locked: false,
        invoicingInfo: { invoiceId: null, manuallyInvoiced: false },
      });
      // Newest first by default.
      expect(r.expenses.map((e) => e.date.slice(0, 10))).toEqual([
        '2024-01-31',
        '2024-01-15',
        '2024-01-10',
        '2024-01-05',
        '2024-01-01',
      ]);
    });

    it('pages and sorts (AMOUNT ascending)', async () => {
      const r = await ok({ sortColumn: 'AMOUNT', sortOrder: 'ASCENDING', page: 2, pageSize: 2 });
      expect(r.expenses.map((e) => e.id)).toEqual([seeds.km.id, seeds.lunch.id]);
      expect(r.totals.expensesCount).toBe(5);
    });

    it('filters by project (CONTAINS and DOES_NOT_CONTAIN)', async () => {
      const inP1 = ['lunch', 'km', 'hotel'];
      const r = await ok({ projects: { ids: [p1], contains: 'CONTAINS' } });
      expect(idsOf(r)).toEqual(ids(inP1));
      expect(r.totals).toEqual({
        expensesCount: 3,
        totalAmount: sum(inP1) / 100,
        totalAmountBillable: sum(inP1, true) / 100,
      });
      expect(idsOf(await ok({ projects: { ids: [p1], contains: 'DOES_NOT_CONTAIN' } }))).toEqual(
        ids(['taxi', 'snack']),
      );
    });

    it('filters by billable, user, category and note', async () => {
      const billable = await ok({ billable: true });
      expect(idsOf(billable)).toEqual(ids(['lunch', 'km', 'hotel']));
      expect(billable.totals.totalAmount).toBe(sum(['lunch', 'km', 'hotel']) / 100);
      expect(idsOf(await ok({ billable: false }))).toEqual(ids(['taxi', 'snack']));
      const mine = await ok({ users: { ids: [member.user.id], contains: 'CONTAINS' } });
      expect(idsOf(mine)).toEqual(ids(['hotel', 'snack']));
      expect(mine.totals.totalAmount).toBe(sum(['hotel', 'snack']) / 100);
      expect(idsOf(await ok({ categories: { ids: [travel] } }))).toEqual(ids(['taxi', 'hotel']));
      expect(idsOf(await ok({ note: 'AIRPORT' }))).toEqual(ids(['taxi']));
      expect(idsOf(await ok({ withoutNote: true }))).toEqual(ids(['snack']));
      expect(idsOf(await ok({ currency: { ids: ['EUR'] } }))).toEqual([]);
    });

    it('a member sees only their own expenses, amounts hidden while rates are admin-only', async () => {
      const r = await ok({}, member.apiKey);
      expect(idsOf(r)).toEqual(ids(['hotel', 'snack']));
      expect(r.totals).toEqual({ expensesCount: 2, totalAmount: null, totalAmountBillable: null });
      expect(r.expenses.every((e) => e.amount === null)).toBe(true);
      await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeBillableRates', false);
      try {
        const shown = await ok({}, member.apiKey);
        expect(shown.totals).toEqual({
          expensesCount: 2,
          totalAmount: sum(['hotel', 'snack']) / 100,
          totalAmountBillable: sum(['hotel'], true) / 100,
        });
      } finally {
        await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeBillableRates', true);
      }
    });
  });

  describe('exports', () => {
    it('CSV: one row per expense, amounts and total row match', async () => {
      const res = await post({ exportType: 'CSV' }).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const [header, ...rows] = parseCsv(res.text);
      const col = (name: string) => header.indexOf(`${name}`);
      const amount = col('Amount (USD)');
      expect(amount).toBeGreaterThan(0);
      const footer = rows.pop() as string[];
      expect(footer[0]).toBe('Total');
      expect(rows).toHaveLength(5);
      expect(rows.reduce((s, r) => s + toCents(r[amount]), 0)).toBe(sum(JAN));
      expect(toCents(footer[amount])).toBe(sum(JAN));
      const km = rows.find((r) => r[col('Category')] === 'Mileage') as string[];
      expect([km[col('Date')], km[col('Note')], km[col('Quantity')], km[col('Unit')], km[amount]]).toEqual([
        '2024-01-31',
        'Drive "north"',
        '10',
        'km',
        '33.30',
      ]);
      const billable = rows.filter((r) => r[col('Billable')] === 'Yes').reduce((s, r) => s + toCents(r[amount]), 0);
      expect(billable).toBe(sum(JAN, true));
    });

    it('XLSX opened with exceljs: amounts are numbers summing to the total', async () => {
      const res = await post({ exportType: 'XLSX', billable: true }).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as Buffer);
      const sheet = book.worksheets[0];
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const amount = header.indexOf('Amount (USD)') + 1;
      expect(sheet.rowCount).toBe(1 + 3 + 1);
      let total = 0;
      for (let r = 2; r <= 4; r++) total += Math.round((sheet.getRow(r).getCell(amount).value as number) * 100);
      expect(total).toBe(sum(['lunch', 'km', 'hotel']));
      expect(sheet.getRow(5).getCell(1).value).toBe('Total');
      // The total is a SUM formula over the rows above, with the server's total as its cached result.
      const totalCell = sheet.getRow(5).getCell(amount).value as { formula: string; result: number };
      expect(totalCell.formula).toMatch(/^SUM\([A-Z]+2:[A-Z]+4\)$/);
      expect(Math.round(totalCell.result * 100)).toBe(sum(['lunch', 'km', 'hotel']));
    });

    it('PDF starts with %PDF', async () => {
      const res = await post({ exportType: 'PDF' }).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect((res.body as Buffer).subarray(0, 4).toString('latin1')).toBe('%PDF');
    });

    it("a member's CSV has only their rows and no amount column while amounts are hidden", async () => {
      const res = await post({ exportType: 'CSV' }, member.apiKey).expect(200);
      const [header, ...rows] = parseCsv(res.text);
      expect(header).not.toContain('Amount (USD)');
      expect(
        rows
          .slice(0, -1)
          .map((r) => r[header.indexOf('Note')])
          .sort(),
      ).toEqual(['', 'Hotel']);
    });
  });

  it('documents the operation in /docs-json with the reference names', async () => {
    const doc = (await request(t.http).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { operationId: string; tags: string[] }>>;
      components: { schemas: Record<string, { properties: object }> };
    };
    const op = doc.paths['/v1/workspaces/{workspaceId}/reports/expenses/detailed'].post;
    expect(op).toMatchObject({ operationId: 'generateDetailedReportV1', tags: ['Expense Report'] });
    expect(Object.keys(doc.components.schemas.ExpenseReportFilterDto.properties)).toEqual(
      expect.arrayContaining(['categories', 'note', 'pageSize', 'sortColumn', 'users']),
    );
    expect(Object.keys(doc.components.schemas.ExpenseTotalsDto.properties)).toEqual([
      'expensesCount',
      'totalAmount',
      'totalAmountBillable',
    ]);
  });
});
