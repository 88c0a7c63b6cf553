import request from 'supertest';
import { newId } from '../src/common/utils/ids';
import { Account, createMember, createOwner, installAddon, MISSING_ID, Owner } from './factories';
import { createClientRow } from './factories/catalog';
import { invCreate, invEvents, pdfText } from './factories/invoices';
import { startTestApp, TestApp } from './utils/test-app';

describe('Invoices', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  let clientA: string;
  let clientB: string;
  const base = (ws: string) => `/v1/workspaces/${ws}/invoices`;
  const body = (clientId: string, extra: Record<string, unknown> = {}) => ({
    clientId,
    currency: 'USD',
    number: `N-${newId().slice(-10)}`,
    issuedDate: '2024-03-01T00:00:00Z',
    dueDate: '2024-03-31T00:00:00Z',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
    clientA = await createClientRow(t.app, a.workspace.id, { name: 'Acme' });
    clientB = await createClientRow(t.app, b.workspace.id, { name: 'Bobco' });
  });
  afterAll(() => t.app.close());

  describe('POST /invoices', () => {
    it('401, 403 for a plain member, 400 for bad bodies, 404 for another workspace client', async () => {
      const url = base(a.workspace.id);
      await request(t.http).post(url).send(body(clientA)).expect(401);
      await request(t.http).post(url).set('X-Api-Key', member.apiKey).send(body(clientA)).expect(403);
      for (const bad of [
        {},
        body(clientA, { clientId: 'nope' }),
        body(clientA, { currency: '' }),
        body(clientA, { issuedDate: 'yesterday' }),
        body(clientA, { number: '' }),
        body(clientA, { extra: 1 }),
        body(clientA, { dueDate: '2024-02-01T00:00:00Z' }),
      ]) {
        await request(t.http).post(url).set('X-Api-Key', a.apiKey).send(bad).expect(400);
      }
      await request(t.http).post(url).set('X-Api-Key', a.apiKey).send(body(clientB)).expect(404);
      await request(t.http).post(url).set('X-Api-Key', a.apiKey).send(body(MISSING_ID)).expect(404);
    });

    it('creates an invoice (201, reference fields) and records NEW_INVOICE; an admin and an add-on may too', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send(body(clientA, { number: 'INV-100' }))
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        billFrom: a.workspace.name,
        clientId: clientA,
        currency: 'USD',
        issuedDate: '2024-03-01T00:00:00Z',
        dueDate: '2024-03-31T00:00:00Z',
        number: 'INV-100',
      });
      expect(await invEvents(t.app, res.body.id)).toEqual(['NEW_INVOICE']);
      const addon = await installAddon(t.app, a.workspace.id);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Addon-Token', addon.token)
        .send(body(clientA))
        .expect(201);
    });

    it('409 for a number used in the workspace; another workspace may reuse it', async () => {
      await invCreate(t.http, a.workspace.id, a.apiKey, clientA, { number: 'DUP-1' });
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send(body(clientA, { number: 'DUP-1' }))
        .expect(409);
      expect(res.body).toEqual({ code: 409, message: "Invoice with number 'DUP-1' already exists" });
      await invCreate(t.http, b.workspace.id, b.apiKey, clientB, { number: 'DUP-1' });
    });

    it('number, dueDate, issuedDate, clientId and currency are required: missing or null is 400 naming the field', async () => {
      const url = base(a.workspace.id);
      for (const field of ['number', 'dueDate', 'issuedDate', 'clientId', 'currency']) {
        const missing: Record<string, unknown> = body(clientA);
        delete missing[field];
        for (const sent of [missing, body(clientA, { [field]: null })]) {
          const res = await request(t.http).post(url).set('X-Api-Key', a.apiKey).send(sent);
          expect({
            field,
            status: res.status,
            fields: (res.body.errors as { field: string }[]).map((e) => e.field),
          }).toEqual({ field, status: 400, fields: expect.arrayContaining([field]) });
        }
      }
    });

    it("a given number moves the settings' next number past it (duplicates are numbered from it)", async () => {
      const ws = await createOwner(t.app, 'Numberer');
      const client = await createClientRow(t.app, ws.workspace.id);
      const id = await invCreate(t.http, ws.workspace.id, ws.apiKey, client, { number: '3' });
      const copy = await request(t.http)
        .post(`${base(ws.workspace.id)}/${id}/duplicate`)
        .set('X-Api-Key', ws.apiKey)
        .expect(201);
      expect(copy.body.number).toBe('4');
    });
  });

  describe('GET /invoices', () => {
    let ws: Owner;
    let ids: string[];
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lister');
      const c1 = await createClientRow(t.app, ws.workspace.id, { name: 'Zeta' });
      const c2 = await createClientRow(t.app, ws.workspace.id, { name: 'Alpha' });
      ids = [
        await invCreate(t.http, ws.workspace.id, ws.apiKey, c1, {
          number: 'L-1',
          issuedDate: '2024-01-03T00:00:00Z',
          dueDate: '2024-02-01T00:00:00Z',
        }),
        await invCreate(t.http, ws.workspace.id, ws.apiKey, c2, {
          number: 'L-2',
          issuedDate: '2024-01-01T00:00:00Z',
          dueDate: '2024-02-03T00:00:00Z',
        }),
        await invCreate(t.http, ws.workspace.id, ws.apiKey, c2, {
          number: 'L-3',
          issuedDate: '2024-01-02T00:00:00Z',
          dueDate: '2024-02-02T00:00:00Z',
        }),
      ];
      await request(t.http)
        .patch(`${base(ws.workspace.id)}/${ids[2]}/status`)
        .set('X-Api-Key', ws.apiKey)
        .send({ invoiceStatus: 'SENT' })
        .expect(200);
    });

    it('401, 403, 400 for bad paging / sort / status', async () => {
      await request(t.http).get(base(ws.workspace.id)).expect(401);
      const m = await createMember(t.app, ws.workspace.id);
      await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', m.apiKey).expect(403);
      for (const q of ['page=0', 'page-size=1001', 'sort-column=NAME', 'sort-order=UP', 'statuses=OPEN']) {
        await request(t.http)
          .get(`${base(ws.workspace.id)}?${q}`)
          .set('X-Api-Key', ws.apiKey)
          .expect(400);
      }
    });

    it('lists {invoices, total}, sorted, paged and filtered by status', async () => {
      const all = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', ws.apiKey).expect(200);
      expect(all.body.total).toBe(3);
      expect(all.body.invoices[0]).toEqual({
        id: expect.any(String),
        number: expect.any(String),
        clientId: expect.any(String),
        clientName: expect.any(String),
        currency: 'USD',
        issuedDate: expect.any(String),
        dueDate: expect.any(String),
        status: expect.any(String),
        amount: 0,
        paid: 0,
        balance: 0,
      });
      const byIssue = await request(t.http)
        .get(`${base(ws.workspace.id)}?sort-column=ISSUE_DATE`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(byIssue.body.invoices.map((i: { number: string }) => i.number)).toEqual(['L-2', 'L-3', 'L-1']);
      const byDue = await request(t.http)
        .get(`${base(ws.workspace.id)}?sort-column=DUE_ON&sort-order=DESCENDING`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(byDue.body.invoices.map((i: { number: string }) => i.number)).toEqual(['L-2', 'L-3', 'L-1']);
      const byClient = await request(t.http)
        .get(`${base(ws.workspace.id)}?sort-column=CLIENT`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(byClient.body.invoices.map((i: { clientName: string }) => i.clientName)).toEqual([
        'Alpha',
        'Alpha',
        'Zeta',
      ]);
      const page = await request(t.http)
        .get(`${base(ws.workspace.id)}?sort-column=ISSUE_DATE&page=2&page-size=2`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(page.body).toEqual({ total: 3, invoices: [expect.objectContaining({ number: 'L-1' })] });
      const sent = await request(t.http)
        .get(`${base(ws.workspace.id)}?statuses=SENT`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(sent.body).toEqual({ total: 1, invoices: [expect.objectContaining({ id: ids[2], status: 'SENT' })] });
      const two = await request(t.http)
        .get(`${base(ws.workspace.id)}?statuses=SENT&statuses=UNSENT`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(two.body.total).toBe(3);
    });
  });

  describe('GET /invoices/{id}', () => {
    it('401, 403, 400 malformed id, 404 for another workspace invoice, 200 with the overview', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, clientA, { number: 'GET-1' });
      const other = await invCreate(t.http, b.workspace.id, b.apiKey, clientB);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await request(t.http)
        .get(`${base(a.workspace.id)}/not-an-id`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(res.body).toEqual({
        id,
        number: 'GET-1',
        clientId: clientA,
        clientName: 'Acme',
        clientAddress: null,
        companyId: null,
        billFrom: a.workspace.name,
        currency: 'USD',
        issuedDate: '2024-03-01T00:00:00Z',
        dueDate: '2024-03-31T00:00:00Z',
        status: 'UNSENT',
        subject: '',
        note: '',
        userId: a.user.id,
        items: [],
        amount: 0,
        balance: 0,
        paid: 0,
        subtotal: 0,
        discount: 0,
        discountAmount: 0,
        tax: 0,
        taxAmount: 0,
        tax2: 0,
        tax2Amount: 0,
        taxType: 'SIMPLE',
        calculationType: 'INVOICE_BASED',
        containsImportedExpenses: false,
        containsImportedTimes: false,
        visibleZeroFields: [],
      });
    });
  });

  describe('PUT /invoices/{id}', () => {
    const update = (extra: Record<string, unknown> = {}) => ({
      currency: 'EUR',
      number: 'UPD-1',
      issuedDate: '2024-04-01T00:00:00Z',
      dueDate: '2024-04-15T00:00:00Z',
      discountPercent: 10,
      taxPercent: 20,
      tax2Percent: 5,
      ...extra,
    });

    it('ladder: 401, 403, 400, 404, 409', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, clientA);
      const other = await invCreate(t.http, b.workspace.id, b.apiKey, clientB);
      const url = `${base(a.workspace.id)}/${id}`;
      await request(t.http).put(url).send(update()).expect(401);
      await request(t.http).put(url).set('X-Api-Key', member.apiKey).send(update()).expect(403);
      for (const bad of [
        {},
        update({ discountPercent: 101 }),
        update({ taxPercent: 1.123456 }),
        update({ taxType: 'VAT' }),
        update({ visibleZeroFields: ['X'] }),
        update({ number: '' }),
      ]) {
        await request(t.http).put(url).set('X-Api-Key', a.apiKey).send(bad).expect(400);
      }
      await request(t.http)
        .put(`${base(a.workspace.id)}/bad`)
        .set('X-Api-Key', a.apiKey)
        .send(update())
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .send(update())
        .expect(404);
      await request(t.http)
        .put(url)
        .set('X-Api-Key', a.apiKey)
        .send(update({ clientId: clientB }))
        .expect(404);
      await invCreate(t.http, a.workspace.id, a.apiKey, clientA, { number: 'TAKEN-9' });
      await request(t.http)
        .put(url)
        .set('X-Api-Key', a.apiKey)
        .send(update({ number: 'TAKEN-9' }))
        .expect(409);
    });

    it('updates header fields and recomputes the totals; records INVOICE_UPDATED', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, clientA);
      const url = `${base(a.workspace.id)}/${id}`;
      await request(t.http)
        .post(`${url}/items`)
        .set('X-Api-Key', a.apiKey)
        .send({ description: 'Design', itemType: 'Service', quantity: 1000, unitPrice: 1500, applyTaxes: 'TAX1TAX2' })
        .expect(200);
      const res = await request(t.http)
        .put(url)
        .set('X-Api-Key', a.apiKey)
        .send(update({ subject: 'April', note: 'Thanks', taxType: 'COMPOUND', visibleZeroFields: ['TAX_2'] }))
        .expect(200);
      // 10 × 15.00 = 150.00; discount 15.00; base 135.00; tax 27.00; compound tax2 5% of 162.00 = 8.10
      expect(res.body).toMatchObject({
        number: 'UPD-1',
        currency: 'EUR',
        subject: 'April',
        note: 'Thanks',
        issuedDate: '2024-04-01T00:00:00Z',
        dueDate: '2024-04-15T00:00:00Z',
        discount: 10,
        tax: 20,
        tax2: 5,
        taxType: 'COMPOUND',
        visibleZeroFields: ['TAX_2'],
        subtotal: 15000,
        discountAmount: 1500,
        taxAmount: 2700,
        tax2Amount: 810,
        amount: 17010,
        balance: 17010,
      });
      expect(await invEvents(t.app, id)).toEqual(['NEW_INVOICE', 'INVOICE_UPDATED', 'INVOICE_UPDATED']);
      const got = await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(200);
      expect(got.body).toEqual(res.body);
    });
  });

  describe('DELETE /invoices/{id}', () => {
    it('401, 403, 400, 404 for another workspace; 200 deletes it and records INVOICE_DELETED', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, clientA);
      const other = await invCreate(t.http, b.workspace.id, b.apiKey, clientB);
      const url = `${base(a.workspace.id)}/${id}`;
      await request(t.http).delete(url).expect(401);
      await request(t.http).delete(url).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/123`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http).delete(url).set('X-Api-Key', a.apiKey).expect(200);
      await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).delete(url).set('X-Api-Key', a.apiKey).expect(404);
      expect(await invEvents(t.app, id)).toEqual(['NEW_INVOICE', 'INVOICE_DELETED']);
    });
  });

  describe('POST /invoices/{id}/duplicate', () => {
    it('ladder, then 201 with a new number, the items and UNSENT', async () => {
      const ws = await createOwner(t.app, 'Dup');
      const client = await createClientRow(t.app, ws.workspace.id);
      const id = await invCreate(t.http, ws.workspace.id, ws.apiKey, client, { number: '7' });
      const url = `${base(ws.workspace.id)}/${id}`;
      await request(t.http)
        .post(`${url}/items`)
        .set('X-Api-Key', ws.apiKey)
        .send({ description: 'Hosting', itemType: 'Goods', quantity: 300, unitPrice: 999, applyTaxes: 'NONE' })
        .expect(200);
      await request(t.http).post(`${url}/payments`).set('X-Api-Key', ws.apiKey).send({ amount: 100 }).expect(201);
      await request(t.http).post(`${url}/duplicate`).expect(401);
      const m = await createMember(t.app, ws.workspace.id);
      await request(t.http).post(`${url}/duplicate`).set('X-Api-Key', m.apiKey).expect(403);
      await request(t.http)
        .post(`${base(ws.workspace.id)}/zz/duplicate`)
        .set('X-Api-Key', ws.apiKey)
        .expect(400);
      await request(t.http)
        .post(`${base(a.workspace.id)}/${id}/duplicate`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http).post(`${url}/duplicate`).set('X-Api-Key', ws.apiKey).expect(201);
      expect(res.body).toMatchObject({
        number: '8',
        status: 'UNSENT',
        clientId: client,
        paid: 0,
        subtotal: 2997,
        amount: 2997,
        balance: 2997,
        items: [
          {
            order: 1,
            description: 'Hosting',
            itemType: 'Goods',
            quantity: 300,
            unitPrice: 999,
            amount: 2997,
            applyTaxes: 'NONE',
            importType: 'NOT_IMPORTED',
            timeEntryIds: [],
            expenseIds: [],
          },
        ],
      });
      expect(res.body.id).not.toBe(id);
      expect(await invEvents(t.app, res.body.id)).toEqual(['NEW_INVOICE']);
    });
  });

  describe('POST /invoices/info', () => {
    let ws: Owner;
    let c1: string;
    let c2: string;
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Info');
      c1 = await createClientRow(t.app, ws.workspace.id, { name: 'One' });
      c2 = await createClientRow(t.app, ws.workspace.id, { name: 'Two', archived: true });
      const add = async (client: string, number: string, cents: number, issued: string) => {
        const id = await invCreate(t.http, ws.workspace.id, ws.apiKey, client, {
          number,
          issuedDate: issued,
          dueDate: '2024-02-01T00:00:00Z',
        });
        await request(t.http)
          .post(`${base(ws.workspace.id)}/${id}/items`)
          .set('X-Api-Key', ws.apiKey)
          .send({ description: 'x', itemType: 'Service', quantity: 100, unitPrice: cents, applyTaxes: 'NONE' })
          .expect(200);
        return id;
      };
      await add(c1, 'INF-100', 1000, '2024-01-01T10:00:00Z');
      const paid = await add(c1, 'INF-1001', 2000, '2024-01-15T10:00:00Z');
      await add(c2, 'OTHER-5', 3000, '2024-01-31T10:00:00Z');
      await request(t.http)
        .post(`${base(ws.workspace.id)}/${paid}/payments`)
        .set('X-Api-Key', ws.apiKey)
        .send({ amount: 500 })
        .expect(201);
    });
    const info = (filter: Record<string, unknown>) =>
      request(t.http)
        .post(`${base(ws.workspace.id)}/info`)
        .set('X-Api-Key', ws.apiKey)
        .send(filter);
    const numbers = (res: request.Response) => (res.body.invoices as { number: string }[]).map((i) => i.number);

    it('401, 403, 400 for bad filters', async () => {
      await request(t.http)
        .post(`${base(ws.workspace.id)}/info`)
        .send({})
        .expect(401);
      const m = await createMember(t.app, ws.workspace.id);
      await request(t.http)
        .post(`${base(ws.workspace.id)}/info`)
        .set('X-Api-Key', m.apiKey)
        .send({})
        .expect(403);
      for (const bad of [
        { statuses: ['NOPE'] },
        { pageSize: 0 },
        { sortColumn: 'NAME' },
        { clients: { ids: ['x'] } },
        { issueDate: { 'issue-date-start': '01/01/2024' } },
        { foo: 1 },
      ]) {
        await info(bad).expect(400);
      }
    });

    it('filters by number, amounts, balance, client, issue date and status (200, with total)', async () => {
      const all = await info({}).expect(200);
      expect(all.body.total).toBe(3);
      expect(all.body.invoices[0]).toEqual(
        expect.objectContaining({
          billFrom: ws.workspace.name,
          daysOverdue: expect.any(Number),
          visibleZeroFields: [],
        }),
      );
      expect(numbers(await info({ invoiceNumber: 'INF-100', sortColumn: 'AMOUNT' }).expect(200))).toEqual([
        'INF-100',
        'INF-1001',
      ]);
      expect(numbers(await info({ invoiceNumber: 'INF-100', strictSearch: true }).expect(200))).toEqual(['INF-100']);
      expect(
        numbers(await info({ greaterThanAmount: 1000, sortColumn: 'AMOUNT', sortOrder: 'DESCENDING' }).expect(200)),
      ).toEqual(['OTHER-5', 'INF-1001']);
      expect(numbers(await info({ exactBalance: 1500 }).expect(200))).toEqual(['INF-1001']);
      expect(numbers(await info({ lessThanBalance: 1500 }).expect(200))).toEqual(['INF-100']);
      expect(numbers(await info({ clients: { ids: [c2] } }).expect(200))).toEqual(['OTHER-5']);
      expect(
        numbers(
          await info({ clients: { ids: [c2], contains: 'DOES_NOT_CONTAIN' }, sortColumn: 'ISSUE_DATE' }).expect(200),
        ),
      ).toEqual(['INF-100', 'INF-1001']);
      expect(numbers(await info({ clients: { status: 'ARCHIVED' } }).expect(200))).toEqual(['OTHER-5']);
      expect(
        numbers(
          await info({
            issueDate: { 'issue-date-start': '2024-01-15', 'issue-date-end': '2024-01-31' },
            sortColumn: 'ISSUE_DATE',
          }).expect(200),
        ),
      ).toEqual(['INF-1001', 'OTHER-5']);
      const partial = await info({ statuses: ['PARTIALLY_PAID'] }).expect(200);
      expect(partial.body).toEqual({
        total: 1,
        invoices: [
          expect.objectContaining({
            number: 'INF-1001',
            amount: 2000,
            paid: 500,
            balance: 1500,
            status: 'PARTIALLY_PAID',
          }),
        ],
      });
      const paged = await info({ sortColumn: 'ISSUE_DATE', page: 2, pageSize: 2 }).expect(200);
      expect(paged.body.total).toBe(3);
      expect(numbers(paged)).toEqual(['OTHER-5']);
    });
  });

  describe('invoice settings', () => {
    const labels = {
      amount: 'AMT',
      billFrom: 'FROM',
      billTo: 'TO',
      description: 'DESC',
      discount: 'DISC',
      dueDate: 'DUE',
      issueDate: 'ISSUED',
      itemType: 'TYPE',
      notes: 'NOTES',
      paid: 'PAID',
      quantity: 'QTY',
      subtotal: 'SUB',
      tax: 'VAT',
      tax2: 'TAX2',
      total: 'TOTAL',
      totalAmountDue: 'DUE NOW',
      unitPrice: 'PRICE',
    };

    it('GET: 401, 403, 200 with defaults', async () => {
      const ws = await createOwner(t.app, 'Settings');
      const url = `${base(ws.workspace.id)}/settings`;
      await request(t.http).get(url).expect(401);
      const m = await createMember(t.app, ws.workspace.id);
      await request(t.http).get(url).set('X-Api-Key', m.apiKey).expect(403);
      const res = await request(t.http).get(url).set('X-Api-Key', ws.apiKey).expect(200);
      expect(res.body.defaults).toMatchObject({
        dueDays: 30,
        taxType: 'SIMPLE',
        taxPercent: 0,
        tax2Percent: 0,
        subject: '',
        notes: '',
        numberPrefix: '',
        nextNumber: 1,
      });
      expect(res.body.labels).toMatchObject({ billTo: 'BILL TO', totalAmount: 'TOTAL AMOUNT DUE' });
      expect(res.body.exportFields).toEqual({
        RTL: false,
        rtl: false,
        itemType: true,
        quantity: true,
        tax: true,
        tax2: true,
        unitPrice: true,
      });
    });

    it('PUT: 401, 403, 400; 200 stores defaults used by new invoices, and records the change', async () => {
      const ws = await createOwner(t.app, 'Settings2');
      const client = await createClientRow(t.app, ws.workspace.id);
      const url = `${base(ws.workspace.id)}/settings`;
      const good = {
        labels,
        defaults: {
          subject: 'Monthly',
          notes: 'Pay by wire',
          dueDays: 14,
          taxType: 'COMPOUND',
          taxPercent: 7.5,
          tax2Percent: 2,
          numberPrefix: 'INV-',
          nextNumber: 41,
        },
        exportFields: { unitPrice: false, rtl: true },
      };
      await request(t.http).put(url).send(good).expect(401);
      const m = await createMember(t.app, ws.workspace.id);
      await request(t.http).put(url).set('X-Api-Key', m.apiKey).send(good).expect(403);
      for (const bad of [
        {},
        { labels: { ...labels, tax: 'X'.repeat(21) } },
        { labels: { ...labels, total: undefined } },
        { ...good, defaults: { notes: 'n' } },
        { ...good, defaults: { ...good.defaults, taxPercent: 120 } },
        { ...good, other: 1 },
      ]) {
        await request(t.http).put(url).set('X-Api-Key', ws.apiKey).send(bad).expect(400);
      }
      const res = await request(t.http).put(url).set('X-Api-Key', ws.apiKey).send(good).expect(200);
      expect(res.body.defaults).toMatchObject({
        subject: 'Monthly',
        notes: 'Pay by wire',
        dueDays: 14,
        taxType: 'COMPOUND',
        taxPercent: 7.5,
        tax2Percent: 2,
        numberPrefix: 'INV-',
        nextNumber: 41,
      });
      expect(res.body.labels).toMatchObject({ tax: 'VAT', totalAmount: 'DUE NOW' });
      expect(res.body.exportFields).toMatchObject({ unitPrice: false, rtl: true, RTL: true, quantity: true });
      expect((await request(t.http).get(url).set('X-Api-Key', ws.apiKey).expect(200)).body).toEqual(res.body);
      expect(await invEvents(t.app, ws.workspace.id)).toContain('INVOICE_SETTINGS_UPDATED');
      const created = await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .send({
          clientId: client,
          currency: 'USD',
          number: 'INV-50',
          issuedDate: '2024-05-01T00:00:00Z',
          dueDate: '2024-05-15T00:00:00Z',
        })
        .expect(201);
      const invoice = await request(t.http)
        .get(`${base(ws.workspace.id)}/${created.body.id}`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(invoice.body).toMatchObject({
        subject: 'Monthly',
        note: 'Pay by wire',
        taxType: 'COMPOUND',
        tax: 7.5,
        tax2: 2,
      });
      const copy = await request(t.http)
        .post(`${base(ws.workspace.id)}/${created.body.id}/duplicate`)
        .set('X-Api-Key', ws.apiKey)
        .expect(201);
      expect(copy.body.number).toBe('INV-51'); // the prefix + the next number, moved past INV-50
    });
  });

  describe('PATCH /invoices/{id}/status', () => {
    it('401, 403, 400, 404; sets UNSENT/SENT/OVERDUE/VOID, 409 where payments contradict, PAID pays the balance', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, clientA);
      const other = await invCreate(t.http, b.workspace.id, b.apiKey, clientB);
      const url = `${base(a.workspace.id)}/${id}`;
      const status = (s: string, key = a.apiKey, path = url) =>
        request(t.http).patch(`${path}/status`).set('X-Api-Key', key).send({ invoiceStatus: s });
      await request(t.http).patch(`${url}/status`).send({ invoiceStatus: 'SENT' }).expect(401);
      await status('SENT', member.apiKey).expect(403);
      await status('DRAFT').expect(400);
      await status('SENT', a.apiKey, `${base(a.workspace.id)}/xyz`).expect(400);
      await status('SENT', a.apiKey, `${base(a.workspace.id)}/${other}`).expect(404);
      await status('SENT').expect(200);
      expect((await request(t.http).get(url).set('X-Api-Key', a.apiKey)).body.status).toBe('SENT');
      await status('OVERDUE').expect(200);
      await status('PARTIALLY_PAID').expect(409);
      await request(t.http)
        .post(`${url}/items`)
        .set('X-Api-Key', a.apiKey)
        .send({ description: 'x', itemType: 'Service', quantity: 100, unitPrice: 4000, applyTaxes: 'NONE' })
        .expect(200);
      await request(t.http).post(`${url}/payments`).set('X-Api-Key', a.apiKey).send({ amount: 1000 }).expect(201);
      await status('SENT').expect(409);
      await status('PARTIALLY_PAID').expect(200);
      await status('PAID').expect(200);
      const paid = await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(200);
      expect(paid.body).toMatchObject({ status: 'PAID', paid: 4000, balance: 0 });
      const payments = await request(t.http).get(`${url}/payments`).set('X-Api-Key', a.apiKey).expect(200);
      expect(payments.body.map((p: { amount: number }) => p.amount).sort()).toEqual([1000, 3000]);
      await status('VOID').expect(200);
      expect((await request(t.http).get(url).set('X-Api-Key', a.apiKey)).body.status).toBe('VOID');
      expect((await invEvents(t.app, id)).filter((e) => e === 'INVOICE_UPDATED').length).toBeGreaterThanOrEqual(6);
    });
  });

  describe('GET /invoices/{id}/export', () => {
    it('401, 403, 400, 404; a PDF with the number and the total', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, clientA, { number: 'PDF-2024-7' });
      const other = await invCreate(t.http, b.workspace.id, b.apiKey, clientB);
      const url = `${base(a.workspace.id)}/${id}`;
      await request(t.http)
        .post(`${url}/items`)
        .set('X-Api-Key', a.apiKey)
        .send({ description: 'Consulting', itemType: 'Service', quantity: 1250, unitPrice: 10000, applyTaxes: 'TAX1' })
        .expect(200);
      await request(t.http)
        .put(url)
        .set('X-Api-Key', a.apiKey)
        .send({
          currency: 'USD',
          number: 'PDF-2024-7',
          issuedDate: '2024-03-01T00:00:00Z',
          dueDate: '2024-03-31T00:00:00Z',
          discountPercent: 0,
          taxPercent: 8,
          tax2Percent: 0,
        })
        .expect(200);
      await request(t.http).get(`${url}/export?userLocale=en`).expect(401);
      await request(t.http).get(`${url}/export?userLocale=en`).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http)
        .get(`${url}/export?userLocale=${encodeURIComponent('<script>')}`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/nope/export`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${other}/export`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .get(`${url}/export?userLocale=en`)
        .set('X-Api-Key', a.apiKey)
        .responseType('blob')
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('invoice-PDF-2024-7.pdf');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf);
      // 12.5 × 100.00 = 1,250.00; tax 8% = 100.00; total 1,350.00
      expect(text).toContain('PDF-2024-7');
      expect(text).toContain('USD 1,350.00');
      expect(text).toContain('Consulting');
      expect(text).toContain('Acme');
    });
  });
});
