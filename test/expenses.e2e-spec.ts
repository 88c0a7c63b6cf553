import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import {
  expenseEvents,
  insertExpenseCategory,
  insertExpenseProject,
  insertExpenseTask,
  tinyPdf,
  tinyPng,
} from './factories/expenses';
import { startTestApp, TestApp } from './utils/test-app';

const TEN_MB = 10 * 1024 * 1024;

describe('Expenses', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let admin: Account;
  let category: string;
  let unitCategory: string;
  let project: string;
  let task: string;
  let bCategory: string;
  let bProject: string;
  const base = (ws: string) => `/v1/workspaces/${ws}/expenses`;
  const db = () => t.app.get(DataSource);

  /** A multipart create as a Clockify client sends it. */
  const post = (key: string, fields: Record<string, string>, ws = a.workspace.id) => {
    let req = request(t.http).post(base(ws)).set('X-Api-Key', key);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req;
  };
  const create = async (key: string, fields: Record<string, string> = {}) =>
    (await post(key, { amount: '10', categoryId: category, date: '2024-03-05T00:00:00Z', ...fields }).expect(201))
      .body as { id: string; fileId: string | null };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    other = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
    category = await insertExpenseCategory(t.app, a.workspace.id, { name: 'Meals' });
    unitCategory = await insertExpenseCategory(t.app, a.workspace.id, {
      name: 'Mileage',
      hasUnitPrice: true,
      priceInCents: 333,
      unit: 'km',
    });
    project = await insertExpenseProject(t.app, a.workspace.id);
    task = await insertExpenseTask(t.app, a.workspace.id, project);
    bCategory = await insertExpenseCategory(t.app, b.workspace.id);
    bProject = await insertExpenseProject(t.app, b.workspace.id);
  });
  afterAll(() => t.app.close());

  describe('POST /expenses', () => {
    it('401 without credentials; 400 for bad fields', async () => {
      await request(t.http)
        .post(base(a.workspace.id))
        .field('amount', '1')
        .field('categoryId', category)
        .field('date', '2024-01-01')
        .expect(401);
      const ok = { amount: '1', categoryId: category, date: '2024-01-01' };
      for (const bad of [
        { amount: undefined },
        { amount: '1.005' },
        { amount: '-1' },
        { amount: 'abc' },
        { amount: '1e3' },
        { categoryId: 'x' },
        { categoryId: undefined },
        { date: 'yesterday' },
        { date: undefined },
        { date: '2024-02-30' },
        { projectId: 'nope' },
        { billable: 'maybe' },
        { notes: 'n'.repeat(3001) },
        { color: 'red' },
      ]) {
        const fields = Object.fromEntries(
          Object.entries({ ...ok, ...bad }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        await post(a.apiKey, fields).expect(400);
      }
    });

    it('a member creates an expense with a PNG receipt: amount 99.5 is 9950 cents; EXPENSE_CREATED is recorded', async () => {
      const png = tinyPng();
      const res = await post(member.apiKey, {
        amount: '99.5',
        categoryId: category,
        date: '2024-03-05T23:30:00+02:00',
        projectId: project,
        taskId: task,
        notes: 'Lunch',
        billable: 'true',
      })
        .attach('file', png, { filename: 'lunch.png', contentType: 'image/png' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        workspaceId: a.workspace.id,
        userId: member.user.id,
        projectId: project,
        taskId: task,
        categoryId: category,
        date: '2024-03-05',
        notes: 'Lunch',
        billable: true,
        quantity: 1,
        total: 99.5,
        fileId: expect.stringMatching(/^[0-9a-f]{24}$/),
        locked: false,
        isLocked: false,
      });
      const [row] = await db().query('SELECT amount_cents::text AS cents FROM expenses WHERE id = $1', [res.body.id]);
      expect(row.cents).toBe('9950');
      expect(await expenseEvents(t.app, res.body.id)).toEqual(['EXPENSE_CREATED']);
      const file = await request(t.http)
        .get(`${base(a.workspace.id)}/${res.body.id}/files/${res.body.fileId}`)
        .set('X-Api-Key', member.apiKey)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(file.body as Buffer, png)).toBe(0);
    });

    it('amounts are exact: 0.1 and 0.2 are 10 and 20 cents and sum to 0.3', async () => {
      const ws = await createOwner(t.app, 'Exact');
      const cat = await insertExpenseCategory(t.app, ws.workspace.id);
      for (const amount of ['0.1', '0.2']) {
        await post(ws.apiKey, { amount, categoryId: cat, date: '2024-05-01' }, ws.workspace.id).expect(201);
      }
      const rows: { cents: string }[] = await db().query(
        'SELECT amount_cents::text AS cents FROM expenses WHERE workspace_id = $1 ORDER BY amount_cents',
        [ws.workspace.id],
      );
      expect(rows.map((r) => r.cents)).toEqual(['10', '20']);
      const list = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', ws.apiKey).expect(200);
      expect(list.body.dailyTotals).toEqual([
        { date: '2024-05-01', dateAsInstant: '2024-05-01T00:00:00Z', total: 0.3 },
      ]);
      const third = await post(
        ws.apiKey,
        { amount: '0.125', categoryId: cat, date: '2024-05-01' },
        ws.workspace.id,
      ).expect(400);
      expect(third.body.errors[0].field).toBe('amount');
    });

    it('unit-priced categories: amount is the quantity, total = quantity × unit price (half up on the cent)', async () => {
      const res = await post(member.apiKey, { amount: '1.25', categoryId: unitCategory, date: '2024-03-06' }).expect(
        201,
      );
      expect(res.body).toMatchObject({ quantity: 1.25, total: 4.16, categoryId: unitCategory });
      const [row] = await db().query(
        'SELECT amount_cents::text AS cents, quantity::text AS q FROM expenses WHERE id = $1',
        [res.body.id],
      );
      expect(row).toEqual({ cents: '416', q: '1.25' });
    });

    it('references: another workspace’s category/project 404, a task of another project 400, an archived category 400', async () => {
      const fields = { amount: '1', categoryId: category, date: '2024-01-01' };
      await post(a.apiKey, { ...fields, categoryId: bCategory }).expect(404);
      await post(a.apiKey, { ...fields, categoryId: MISSING_ID }).expect(404);
      await post(a.apiKey, { ...fields, projectId: bProject }).expect(404);
      const otherProject = await insertExpenseProject(t.app, a.workspace.id);
      await post(a.apiKey, { ...fields, projectId: otherProject, taskId: task }).expect(400);
      await post(a.apiKey, { ...fields, taskId: task }).expect(400);
      await post(a.apiKey, { ...fields, projectId: project, taskId: MISSING_ID }).expect(404);
      const archived = await insertExpenseCategory(t.app, a.workspace.id, { archived: true });
      await post(a.apiKey, { ...fields, categoryId: archived }).expect(400);
    });

    it('for another user: 403 for a plain member, 201 for an admin and for the user’s team manager, 404 for a non-member', async () => {
      const fields = { amount: '3', categoryId: category, date: '2024-01-01', userId: other.user.id };
      await post(member.apiKey, fields).expect(403);
      const byAdmin = await post(admin.apiKey, fields).expect(201);
      expect(byAdmin.body.userId).toBe(other.user.id);
      const manager = await createMember(t.app, a.workspace.id);
      await grantRole(t.app, a.workspace.id, manager.user.id, 'TEAM_MANAGER', other.user.id);
      const byManager = await post(manager.apiKey, fields).expect(201);
      expect(byManager.body.userId).toBe(other.user.id);
      await post(a.apiKey, { ...fields, userId: b.user.id }).expect(404);
    });

    it('receipts: a PDF is accepted; a text file is 415; a file past EXPENSE_FILE_MAX_BYTES is 413; nothing is stored for them', async () => {
      const fields = { amount: '7', categoryId: category, date: '2024-01-09', notes: 'receipt-limits' };
      const pdf = await post(a.apiKey, fields)
        .attach('file', tinyPdf(), { filename: 'r.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(pdf.body.fileId).toMatch(/^[0-9a-f]{24}$/);
      const text = await post(a.apiKey, fields)
        .attach('file', Buffer.from('just text'), { filename: 'r.png', contentType: 'image/png' })
        .expect(415);
      expect(text.body.code).toBe(415);
      const big = Buffer.concat([tinyPng(), Buffer.alloc(TEN_MB)]);
      const large = await post(a.apiKey, fields)
        .attach('file', big, { filename: 'big.png', contentType: 'image/png' })
        .expect(413);
      expect(large.body.code).toBe(413);
      const rows: unknown[] = await db().query(
        `SELECT 1 FROM expenses WHERE workspace_id = $1 AND notes = 'receipt-limits'`,
        [a.workspace.id],
      );
      expect(rows).toHaveLength(1);
    });
  });

  describe('GET /expenses', () => {
    let ws: Owner;
    let m1: Account;
    let m2: Account;
    let food: string;
    let car: string;
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lists');
      m1 = await createMember(t.app, ws.workspace.id);
      m2 = await createMember(t.app, ws.workspace.id);
      food = await insertExpenseCategory(t.app, ws.workspace.id, { name: 'Food' });
      car = await insertExpenseCategory(t.app, ws.workspace.id, {
        name: 'Car',
        hasUnitPrice: true,
        priceInCents: 50,
        unit: 'km',
      });
      const add = (key: string, amount: string, cat: string, date: string) =>
        post(key, { amount, categoryId: cat, date }, ws.workspace.id).expect(201);
      await add(m1.apiKey, '10.10', food, '2024-04-01'); // Monday
      await add(m1.apiKey, '5', food, '2024-04-03');
      await add(m1.apiKey, '100', car, '2024-04-08'); // 100 km × 0.50 = 50.00
      await add(m2.apiKey, '1.01', food, '2024-04-03');
    });
    const url = (q = '') => `${base(ws.workspace.id)}${q}`;

    it('401 without credentials; 400 for bad paging and filters', async () => {
      await request(t.http).get(url()).expect(401);
      for (const q of [
        '?page=0',
        '?page-size=0',
        '?page-size=1001',
        '?user-id=me',
        '?category-id=1',
        '?start-date=2024-1-1',
      ]) {
        await request(t.http).get(url(q)).set('X-Api-Key', ws.apiKey).expect(400);
      }
    });

    it('an admin sees all, newest first, with daily and weekly totals and paging headers', async () => {
      const res = await request(t.http).get(url('?page-size=2')).set('X-Api-Key', ws.apiKey).expect(200);
      expect(res.body.expenses.count).toBe(4);
      expect(res.body.expenses.expenses.map((e: { date: string }) => e.date)).toEqual(['2024-04-08', '2024-04-03']);
      expect(res.body.expenses.expenses[0]).toMatchObject({
        userId: m1.user.id,
        quantity: 100,
        total: 50,
        project: null,
        task: null,
        fileId: null,
        locked: false,
        category: {
          id: car,
          name: 'Car',
          hasUnitPrice: true,
          priceInCents: 50,
          unit: 'km',
          archived: false,
          workspaceId: ws.workspace.id,
        },
      });
      expect(res.body.dailyTotals).toEqual([
        { date: '2024-04-01', dateAsInstant: '2024-04-01T00:00:00Z', total: 10.1 },
        { date: '2024-04-03', dateAsInstant: '2024-04-03T00:00:00Z', total: 6.01 },
        { date: '2024-04-08', dateAsInstant: '2024-04-08T00:00:00Z', total: 50 },
      ]);
      expect(res.body.weeklyTotals).toEqual([
        { date: '2024-04-01', total: 16.11 },
        { date: '2024-04-08', total: 50 },
      ]);
      expect(res.headers).toMatchObject({
        'x-total-count': '4',
        'x-page': '1',
        'x-page-size': '2',
        'last-page': 'false',
      });
    });

    it('a member sees only their own expenses, even when asking for another user', async () => {
      const own = await request(t.http).get(url()).set('X-Api-Key', m2.apiKey).expect(200);
      expect(own.body.expenses.count).toBe(1);
      expect(own.body.expenses.expenses[0]).toMatchObject({ userId: m2.user.id, total: 1.01 });
      const others = await request(t.http)
        .get(url(`?user-id=${m1.user.id}`))
        .set('X-Api-Key', m2.apiKey)
        .expect(200);
      expect(others.body).toEqual({ expenses: { count: 0, expenses: [] }, dailyTotals: [], weeklyTotals: [] });
    });

    it('filters by user, category and date range', async () => {
      const byUser = await request(t.http)
        .get(url(`?user-id=${m1.user.id}`))
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(byUser.body.expenses.count).toBe(3);
      const byCategory = await request(t.http)
        .get(url(`?category-id=${food}`))
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(byCategory.body.expenses.count).toBe(3);
      const range = await request(t.http)
        .get(url('?start-date=2024-04-02&end-date=2024-04-07'))
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(range.body.expenses.expenses.map((e: { total: number }) => e.total).sort()).toEqual([1.01, 5]);
    });
  });

  describe('GET /expenses/{expenseId}', () => {
    it('401, 400 malformed, 404 another workspace, 403 another member’s, 200 own', async () => {
      const mine = await create(member.apiKey, { notes: 'mine' });
      const bExpense = (
        await post(b.apiKey, { amount: '1', categoryId: bCategory, date: '2024-01-01' }, b.workspace.id).expect(201)
      ).body as { id: string };
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .expect(401);
      await request(t.http)
        .get(`${base(a.workspace.id)}/xyz`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${bExpense.id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', other.apiKey)
        .expect(403);
      const res = await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(res.body).toMatchObject({
        id: mine.id,
        notes: 'mine',
        total: 10,
        date: '2024-03-05',
        userId: member.user.id,
      });
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', admin.apiKey)
        .expect(200);
    });
  });

  describe('PUT /expenses/{expenseId}', () => {
    it('401, 400 malformed or bad fields, 404 another workspace, 403 another member’s', async () => {
      const mine = await create(member.apiKey);
      const bExpense = (
        await post(b.apiKey, { amount: '1', categoryId: bCategory, date: '2024-01-01' }, b.workspace.id).expect(201)
      ).body as { id: string };
      const put = (id: string, key?: string) => {
        const req = request(t.http).put(`${base(a.workspace.id)}/${id}`);
        return key ? req.set('X-Api-Key', key) : req;
      };
      await put(mine.id).field('amount', '2').expect(401);
      await put('bad', member.apiKey).field('amount', '2').expect(400);
      await put(mine.id, member.apiKey).field('amount', '2.001').expect(400);
      await put(mine.id, member.apiKey).field('changeFields', 'SIZE').field('amount', '2').expect(400);
      await put(mine.id, member.apiKey).field('changeFields', 'AMOUNT').expect(400);
      await put(bExpense.id, a.apiKey).field('amount', '2').expect(404);
      await put(mine.id, other.apiKey).field('amount', '2').expect(403);
    });

    it('changes only the changeFields; replaces the receipt with a PDF; EXPENSE_UPDATED is recorded', async () => {
      const mine = await create(member.apiKey, { notes: 'before' });
      const pdf = tinyPdf('Taxi 12.34');
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', member.apiKey)
        .field('changeFields', 'AMOUNT')
        .field('changeFields', 'FILE')
        .field('changeFields', 'PROJECT')
        .field('amount', '12.34')
        .field('notes', 'ignored')
        .field('categoryId', category)
        .field('date', '2024-03-05T00:00:00Z')
        .field('userId', member.user.id)
        .field('projectId', project)
        .attach('file', pdf, { filename: 'taxi.pdf', contentType: 'application/pdf' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: mine.id,
        total: 12.34,
        notes: 'before',
        projectId: project,
        taskId: null,
        fileId: expect.any(String),
      });
      expect(await expenseEvents(t.app, mine.id)).toEqual(['EXPENSE_CREATED', 'EXPENSE_UPDATED']);
      const file = await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}/files/${res.body.fileId}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(
        Buffer.from(file.body as Buffer)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const cleared = await request(t.http)
        .put(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', member.apiKey)
        .field('changeFields', 'FILE')
        .field('changeFields', 'CATEGORY')
        .field('categoryId', unitCategory)
        .expect(200);
      expect(cleared.body).toMatchObject({ fileId: null, categoryId: unitCategory, quantity: 1, total: 3.33 });
    });

    it('invoiced or approved expenses are locked for members (403) but not for admins', async () => {
      const mine = await create(member.apiKey);
      await db().query('UPDATE expenses SET invoiced = true WHERE id = $1', [mine.id]);
      const got = await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(got.body).toMatchObject({ locked: true, isLocked: true });
      await request(t.http)
        .put(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', member.apiKey)
        .field('notes', 'x')
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      const byAdmin = await request(t.http)
        .put(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', admin.apiKey)
        .field('notes', 'fixed')
        .expect(200);
      expect(byAdmin.body.notes).toBe('fixed');
      const approved = await create(member.apiKey);
      await db().query(`UPDATE expenses SET approval_status = 'APPROVED' WHERE id = $1`, [approved.id]);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${approved.id}`)
        .set('X-Api-Key', member.apiKey)
        .field('amount', '1')
        .expect(403);
    });
  });

  describe('DELETE /expenses/{expenseId}', () => {
    it('401, 400 malformed, 404 another workspace, 403 another member’s; 200, receipts gone, EXPENSE_DELETED', async () => {
      const mine = (
        await post(member.apiKey, { amount: '4', categoryId: category, date: '2024-02-02' })
          .attach('file', tinyPng(), { filename: 'a.png', contentType: 'image/png' })
          .expect(201)
      ).body as { id: string; fileId: string };
      const bExpense = (
        await post(b.apiKey, { amount: '1', categoryId: bCategory, date: '2024-01-01' }, b.workspace.id).expect(201)
      ).body as { id: string };
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${mine.id}`)
        .expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/123`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${bExpense.id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', other.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(404);
      const files: unknown[] = await db().query('SELECT 1 FROM expense_files WHERE id = $1', [mine.fileId]);
      expect(files).toHaveLength(0);
      expect(await expenseEvents(t.app, mine.id)).toEqual(['EXPENSE_CREATED', 'EXPENSE_DELETED']);
      const stillThere: unknown[] = await db().query('SELECT 1 FROM expenses WHERE id = $1', [bExpense.id]);
      expect(stillThere).toHaveLength(1);
    });
  });

  describe('GET /expenses/{expenseId}/files/{fileId}', () => {
    it('401, 400 malformed, 404 another workspace or unknown file, 403 another member’s', async () => {
      const mine = await (async () =>
        (
          await post(member.apiKey, { amount: '4', categoryId: category, date: '2024-02-02' })
            .attach('file', tinyPng(), { filename: 'a.png', contentType: 'image/png' })
            .expect(201)
        ).body as { id: string; fileId: string })();
      const theirs = (
        await post(b.apiKey, { amount: '1', categoryId: bCategory, date: '2024-01-01' }, b.workspace.id)
          .attach('file', tinyPdf(), { filename: 'b.pdf', contentType: 'application/pdf' })
          .expect(201)
      ).body as { id: string; fileId: string };
      const url = (ws: string, e: string, f: string) => `${base(ws)}/${e}/files/${f}`;
      await request(t.http)
        .get(url(a.workspace.id, mine.id, mine.fileId))
        .expect(401);
      await request(t.http)
        .get(url(a.workspace.id, mine.id, 'nope'))
        .set('X-Api-Key', member.apiKey)
        .expect(400);
      await request(t.http)
        .get(url(a.workspace.id, theirs.id, theirs.fileId))
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .get(url(a.workspace.id, mine.id, theirs.fileId))
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .get(url(a.workspace.id, mine.id, MISSING_ID))
        .set('X-Api-Key', member.apiKey)
        .expect(404);
      await request(t.http)
        .get(url(a.workspace.id, mine.id, mine.fileId))
        .set('X-Api-Key', other.apiKey)
        .expect(403);
      const res = await request(t.http)
        .get(url(a.workspace.id, mine.id, mine.fileId))
        .set('X-Api-Key', admin.apiKey)
        .expect(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="a.png"');
    });
  });

  it('documents the 11 expense operations in /docs-json with the reference names and multipart bodies', async () => {
    const doc = (await request(t.http).get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    const ops = Object.entries(doc.paths)
      .filter(([path]) => path.includes('/expenses') && !path.includes('/reports/'))
      .flatMap(([, methods]) => Object.values(methods).map((o) => o.operationId));
    expect(ops.sort()).toEqual([
      'createExpense',
      'createExpenseCategory',
      'deleteCategory',
      'deleteExpense',
      'downloadFile',
      'getCategories',
      'getExpense',
      'getExpenses',
      'updateCategory',
      'updateExpense',
      'updateExpenseCategoryStatus',
    ]);
    expect(Object.keys(doc.paths['/v1/workspaces/{workspaceId}/expenses'].post.requestBody?.content ?? {})).toEqual([
      'multipart/form-data',
    ]);
  });
});
