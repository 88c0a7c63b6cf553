import request from 'supertest';
import { Account, createMember, createOwner, Owner } from './factories';
import { createClientRow } from './factories/catalog';
import { invCreate, invEvents } from './factories/invoices';
import { startTestApp, TestApp } from './utils/test-app';

describe('Invoice payments', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let client: string;
  let otherInvoice: string;
  const base = (ws: string) => `/v1/workspaces/${ws}/invoices`;

  /** An invoice of 100.00 + 10% tax = 110.00. */
  const invoiceOf11000 = async (): Promise<string> => {
    const id = await invCreate(t.http, a.workspace.id, a.apiKey, client, {
      number: `P-${Math.random().toString(36).slice(2, 10)}`,
    });
    const url = `${base(a.workspace.id)}/${id}`;
    await request(t.http)
      .post(`${url}/items`)
      .set('X-Api-Key', a.apiKey)
      .send({ description: 'Work', itemType: 'Service', quantity: 100, unitPrice: 10000, applyTaxes: 'TAX1' })
      .expect(200);
    const number = (await request(t.http).get(url).set('X-Api-Key', a.apiKey)).body.number as string;
    await request(t.http)
      .put(url)
      .set('X-Api-Key', a.apiKey)
      .send({
        currency: 'USD',
        number,
        issuedDate: '2024-03-01T00:00:00Z',
        dueDate: '2024-03-31T00:00:00Z',
        discountPercent: 0,
        taxPercent: 10,
        tax2Percent: 0,
      })
      .expect(200);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    client = await createClientRow(t.app, a.workspace.id, { name: 'Payer' });
    otherInvoice = await invCreate(t.http, b.workspace.id, b.apiKey, await createClientRow(t.app, b.workspace.id));
  });
  afterAll(() => t.app.close());

  describe('POST /invoices/{id}/payments', () => {
    it('401, 403, 400, 404', async () => {
      const id = await invoiceOf11000();
      const url = `${base(a.workspace.id)}/${id}/payments`;
      await request(t.http).post(url).send({ amount: 100 }).expect(401);
      await request(t.http).post(url).set('X-Api-Key', member.apiKey).send({ amount: 100 }).expect(403);
      for (const bad of [
        {},
        { amount: 0 },
        { amount: 1.5 },
        { amount: '100' },
        { amount: 100, paymentDate: 'today' },
        { amount: 100, note: 'x'.repeat(1001) },
        { amount: 100, extra: 1 },
      ]) {
        await request(t.http).post(url).set('X-Api-Key', a.apiKey).send(bad).expect(400);
      }
      await request(t.http)
        .post(`${base(a.workspace.id)}/nope/payments`)
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 100 })
        .expect(400);
      await request(t.http)
        .post(`${base(a.workspace.id)}/${otherInvoice}/payments`)
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 100 })
        .expect(404);
    });

    it('PARTIALLY_PAID, then PAID when the payments reach the total; overpaying is 400', async () => {
      const id = await invoiceOf11000();
      const url = `${base(a.workspace.id)}/${id}/payments`;
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}/status`)
        .set('X-Api-Key', a.apiKey)
        .send({ invoiceStatus: 'SENT' })
        .expect(200);
      const first = await request(t.http)
        .post(url)
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 4000, note: 'Deposit', paymentDate: '2024-03-05T10:00:00Z' })
        .expect(201);
      expect(first.body).toMatchObject({ id, amount: 11000, paid: 4000, balance: 7000, status: 'PARTIALLY_PAID' });
      const over = await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ amount: 7001 }).expect(400);
      expect(over.body.message).toContain('7000');
      const last = await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ amount: 7000 }).expect(201);
      expect(last.body).toMatchObject({ paid: 11000, balance: 0, status: 'PAID' });
      await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ amount: 1 }).expect(400);
      const events = await invEvents(t.app, id);
      expect(events.filter((e) => e === 'INVOICE_UPDATED').length).toBe(5); // item, put, status, 2 payments
      // Items cannot push the total below what was paid.
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}/items/1`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
    });

    it('a void invoice takes no payments', async () => {
      const id = await invoiceOf11000();
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}/status`)
        .set('X-Api-Key', a.apiKey)
        .send({ invoiceStatus: 'VOID' })
        .expect(200);
      await request(t.http)
        .post(`${base(a.workspace.id)}/${id}/payments`)
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 100 })
        .expect(400);
    });
  });

  describe('GET /invoices/{id}/payments', () => {
    it('401, 403, 400, 404; the payments newest first, paged, with the author', async () => {
      const id = await invoiceOf11000();
      const url = `${base(a.workspace.id)}/${id}/payments`;
      await request(t.http)
        .post(url)
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 1000, note: 'one', paymentDate: '2024-03-01T12:00:00Z' })
        .expect(201);
      await request(t.http)
        .post(url)
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 2000, note: 'two', paymentDate: '2024-03-02T12:00:00Z' })
        .expect(201);
      await request(t.http).get(url).expect(401);
      await request(t.http).get(url).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).get(`${url}?page-size=0`).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/x/payments`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${otherInvoice}/payments`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(200);
      expect(res.body).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          amount: 2000,
          note: 'two',
          date: '2024-03-02T12:00:00Z',
          author: 'Alice',
        },
        {
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          amount: 1000,
          note: 'one',
          date: '2024-03-01T12:00:00Z',
          author: 'Alice',
        },
      ]);
      expect(res.headers['x-total-count']).toBe('2');
      const page = await request(t.http).get(`${url}?page=2&page-size=1`).set('X-Api-Key', a.apiKey).expect(200);
      expect(page.body.map((p: { note: string }) => p.note)).toEqual(['one']);
    });
  });

  describe('DELETE /invoices/{id}/payments/{paymentId}', () => {
    it('401, 403, 400, 404; removing payments moves the status back, with events', async () => {
      const id = await invoiceOf11000();
      const url = `${base(a.workspace.id)}/${id}/payments`;
      const paid = await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ amount: 11000 }).expect(201);
      expect(paid.body.status).toBe('PAID');
      await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ amount: 1 }).expect(400);
      const payments = (await request(t.http).get(url).set('X-Api-Key', a.apiKey)).body as { id: string }[];
      const paymentId = payments[0].id;
      await request(t.http).delete(`${url}/${paymentId}`).expect(401);
      await request(t.http).delete(`${url}/${paymentId}`).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).delete(`${url}/bad`).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).delete(`${url}/ffffffffffffffffffffffff`).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${otherInvoice}/payments/${paymentId}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const other = await invoiceOf11000();
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${other}/payments/${paymentId}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);

      await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ amount: 1 }).expect(400);
      const removed = await request(t.http).delete(`${url}/${paymentId}`).set('X-Api-Key', a.apiKey).expect(200);
      expect(removed.body).toMatchObject({ paid: 0, balance: 11000, status: 'SENT' });
      const part = await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ amount: 500 }).expect(201);
      expect(part.body.status).toBe('PARTIALLY_PAID');
      expect(await invEvents(t.app, paymentId)).toEqual(['INVOICE_PAYMENT_CREATED', 'INVOICE_PAYMENT_DELETED']);
    });
  });
});
