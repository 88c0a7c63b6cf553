import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, MISSING_ID, Owner } from './factories';
import { expenseEvents, insertExpenseCategory } from './factories/expenses';
import { startTestApp, TestApp } from './utils/test-app';

describe('Expense categories', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  const base = (ws: string) => `/v1/workspaces/${ws}/expenses/categories`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
  });
  afterAll(() => t.app.close());

  describe('POST /expenses/categories', () => {
    it('401 without credentials, 403 for a plain member, 400 for bad bodies', async () => {
      const url = base(a.workspace.id);
      await request(t.http).post(url).send({ name: 'X' }).expect(401);
      await request(t.http).post(url).set('X-Api-Key', member.apiKey).send({ name: 'X' }).expect(403);
      for (const body of [
        {},
        { name: ' ' },
        { name: 'y'.repeat(251) },
        { name: 'ok', color: 'red' },
        { name: 'ok', priceInCents: -1 },
        { name: 'ok', priceInCents: 1.5 },
        { name: 'ok', hasUnitPrice: true },
        { name: 'ok', hasUnitPrice: 'yes' },
      ]) {
        await request(t.http).post(url).set('X-Api-Key', a.apiKey).send(body).expect(400);
      }
    });

    it('an admin creates a unit-priced category; EXPENSE_CATEGORY_CREATED is recorded', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ name: ' Mileage ', hasUnitPrice: true, priceInCents: 55, unit: 'km' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Mileage',
        hasUnitPrice: true,
        priceInCents: 55,
        unit: 'km',
        archived: false,
        workspaceId: a.workspace.id,
      });
      expect(await expenseEvents(t.app, res.body.id)).toEqual(['EXPENSE_CATEGORY_CREATED']);
      const plain = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Meals' })
        .expect(201);
      expect(plain.body).toMatchObject({ name: 'Meals', hasUnitPrice: false, priceInCents: null, unit: null });
    });

    it('409 for a duplicate name (case-insensitive); the same name in another workspace is fine', async () => {
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({ name: 'Travel' }).expect(201);
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'TRAVEL' })
        .expect(409);
      expect(res.body).toEqual({ code: 409, message: "Expense category with name 'TRAVEL' already exists" });
      await request(t.http).post(base(b.workspace.id)).set('X-Api-Key', b.apiKey).send({ name: 'Travel' }).expect(201);
    });
  });

  describe('GET /expenses/categories', () => {
    let ws: Owner;
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lister');
      for (const name of ['Beta', 'alpha', 'Gamma']) await insertExpenseCategory(t.app, ws.workspace.id, { name });
      await insertExpenseCategory(t.app, ws.workspace.id, { name: 'Old', archived: true });
      await insertExpenseCategory(t.app, b.workspace.id, { name: 'Alpha of B' });
    });

    it('401 without credentials; 400 for bad paging or sort', async () => {
      await request(t.http).get(base(ws.workspace.id)).expect(401);
      for (const q of [
        'page=0',
        'page-size=0',
        'page-size=1001',
        'sort-column=ID',
        'sort-order=UP',
        'archived=maybe',
      ]) {
        await request(t.http)
          .get(`${base(ws.workspace.id)}?${q}`)
          .set('X-Api-Key', ws.apiKey)
          .expect(400);
      }
    });

    it('every member reads active categories by name, with count and paging headers', async () => {
      const plain = await createMember(t.app, ws.workspace.id);
      const res = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', plain.apiKey).expect(200);
      expect(res.body.count).toBe(3);
      expect(res.body.categories.map((c: { name: string }) => c.name)).toEqual(['alpha', 'Beta', 'Gamma']);
      expect(res.headers['x-total-count']).toBe('3');
      const page = await request(t.http)
        .get(`${base(ws.workspace.id)}?page=2&page-size=2&sort-column=NAME&sort-order=DESCENDING`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(page.body).toEqual({ count: 3, categories: [expect.objectContaining({ name: 'alpha' })] });
      expect(page.headers['last-page']).toBe('true');
    });

    it('filters by archived and name', async () => {
      const archived = await request(t.http)
        .get(`${base(ws.workspace.id)}?archived=true`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(archived.body.categories.map((c: { name: string }) => c.name)).toEqual(['Old']);
      const named = await request(t.http)
        .get(`${base(ws.workspace.id)}?name=AMM`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(named.body).toEqual({
        count: 1,
        categories: [expect.objectContaining({ name: 'Gamma', workspaceId: ws.workspace.id })],
      });
      const none = await request(t.http)
        .get(`${base(ws.workspace.id)}?name=zzz&page=3`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(none.body).toEqual({ count: 0, categories: [] });
    });
  });

  describe('PUT /expenses/categories/{categoryId}', () => {
    it('401, 403 member, 400 malformed id or body, 404 for another workspace', async () => {
      const id = await insertExpenseCategory(t.app, a.workspace.id);
      const bId = await insertExpenseCategory(t.app, b.workspace.id);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .send({ name: 'N' })
        .expect(401);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .send({ name: 'N' })
        .expect(403);
      await request(t.http)
        .put(`${base(a.workspace.id)}/nope`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'N' })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ unit: 'x' })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${bId}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'N' })
        .expect(404);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${MISSING_ID}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'N' })
        .expect(404);
    });

    it('replaces the category; EXPENSE_CATEGORY_UPDATED is recorded; 409 for a taken name', async () => {
      const id = await insertExpenseCategory(t.app, a.workspace.id, { name: 'Hotel', unit: 'night' });
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .send({ name: 'Lodging', hasUnitPrice: true, priceInCents: 12000 })
        .expect(200);
      expect(res.body).toEqual({
        id,
        name: 'Lodging',
        hasUnitPrice: true,
        priceInCents: 12000,
        unit: null,
        archived: false,
        workspaceId: a.workspace.id,
      });
      expect(await expenseEvents(t.app, id)).toEqual(['EXPENSE_CATEGORY_UPDATED']);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .send({ name: 'meals' })
        .expect(409);
    });
  });

  describe('PATCH /expenses/categories/{categoryId}/status', () => {
    it('401, 403 member, 400 malformed id or body, 404 for another workspace', async () => {
      const id = await insertExpenseCategory(t.app, a.workspace.id);
      const bId = await insertExpenseCategory(t.app, b.workspace.id);
      const url = (cid: string) => `${base(a.workspace.id)}/${cid}/status`;
      await request(t.http).patch(url(id)).send({ archived: true }).expect(401);
      await request(t.http).patch(url(id)).set('X-Api-Key', member.apiKey).send({ archived: true }).expect(403);
      await request(t.http).patch(url('zz')).set('X-Api-Key', a.apiKey).send({ archived: true }).expect(400);
      await request(t.http).patch(url(id)).set('X-Api-Key', a.apiKey).send({ archived: 'yes' }).expect(400);
      await request(t.http).patch(url(id)).set('X-Api-Key', a.apiKey).send({}).expect(400);
      await request(t.http).patch(url(bId)).set('X-Api-Key', a.apiKey).send({ archived: true }).expect(404);
    });

    it('archives and restores; both recorded', async () => {
      const id = await insertExpenseCategory(t.app, a.workspace.id, { name: 'Seasonal' });
      const url = `${base(a.workspace.id)}/${id}/status`;
      const res = await request(t.http).patch(url).set('X-Api-Key', admin.apiKey).send({ archived: true }).expect(200);
      expect(res.body).toMatchObject({ id, name: 'Seasonal', archived: true });
      const list = await request(t.http)
        .get(`${base(a.workspace.id)}?archived=true&name=Seasonal`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(list.body.count).toBe(1);
      await request(t.http).patch(url).set('X-Api-Key', admin.apiKey).send({ archived: false }).expect(200);
      expect(await expenseEvents(t.app, id)).toEqual(['EXPENSE_CATEGORY_UPDATED', 'EXPENSE_CATEGORY_UPDATED']);
    });
  });

  describe('DELETE /expenses/categories/{categoryId}', () => {
    it('401, 403 member, 400 malformed id, 404 for another workspace', async () => {
      const id = await insertExpenseCategory(t.app, a.workspace.id);
      const bId = await insertExpenseCategory(t.app, b.workspace.id);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/bad`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${bId}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const rows: unknown[] = await t.app
        .get(DataSource)
        .query('SELECT 1 FROM expense_categories WHERE id = $1', [bId]);
      expect(rows).toHaveLength(1);
    });

    it('204 and gone, with EXPENSE_CATEGORY_DELETED; 409 while expenses use it', async () => {
      const id = await insertExpenseCategory(t.app, a.workspace.id);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .expect(204);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .expect(404);
      expect(await expenseEvents(t.app, id)).toEqual(['EXPENSE_CATEGORY_DELETED']);

      const used = await insertExpenseCategory(t.app, a.workspace.id);
      await request(t.http)
        .post(`/v1/workspaces/${a.workspace.id}/expenses`)
        .set('X-Api-Key', a.apiKey)
        .field('amount', '5')
        .field('categoryId', used)
        .field('date', '2024-01-02')
        .expect(201);
      const res = await request(t.http)
        .delete(`${base(a.workspace.id)}/${used}`)
        .set('X-Api-Key', admin.apiKey)
        .expect(409);
      expect(res.body.message).toMatch(/archive/);
    });
  });
});
