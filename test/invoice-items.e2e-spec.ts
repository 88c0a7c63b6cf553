import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, Owner } from './factories';
import { createClientRow } from './factories/catalog';
import {
  invCreate,
  invEvents,
  invExpense,
  invFlags,
  invMemberRate,
  invProject,
  invWorkspaceRate,
} from './factories/invoices';
import { teCreate } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

/** The test's own arithmetic: a / b rounded half up, for non-negative integers. */
const halfUp = (a: bigint, b: bigint): number => Number((2n * a + b) / (2n * b));
const timeCents = (seconds: number, rate: number) => halfUp(BigInt(seconds) * BigInt(rate), 3600n);
const pct = (cents: number, percentTimes100: number) => halfUp(BigInt(cents) * BigInt(percentTimes100), 10000n);

describe('Invoice items', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let worker: Account;
  let client: string;
  let otherClient: string;
  let website: string;
  let app: string;
  let foreign: string;
  const base = (ws: string) => `/v1/workspaces/${ws}/invoices`;
  const entries: Record<string, string> = {};
  let expenseIn: string;
  let expenseNotBillable: string;
  let expenseForeign: string;

  const importBody = (extra: Record<string, unknown> = {}) => ({
    from: '2024-03-01T00:00:00Z',
    to: '2024-04-01T00:00:00Z',
    importExpenses: false,
    projectFilter: {},
    timeEntryGroupType: 'GROUPED',
    timeEntryPrimaryGroupBy: 'PROJECT',
    ...extra,
  });
  const doImport = (invoiceId: string, body: Record<string, unknown>, key = a.apiKey, ws = a.workspace.id) =>
    request(t.http)
      .post(`${base(ws)}/${invoiceId}/items/import`)
      .set('X-Api-Key', key)
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    worker = await createMember(t.app, a.workspace.id, { name: 'Walter' });
    client = await createClientRow(t.app, a.workspace.id, { name: 'Acme' });
    otherClient = await createClientRow(t.app, a.workspace.id, { name: 'Other' });
    website = await invProject(t.app, a.workspace.id, client, 'Website');
    app = await invProject(t.app, a.workspace.id, client, 'App');
    foreign = await invProject(t.app, a.workspace.id, otherClient, 'Foreign');
    await invWorkspaceRate(t.http, a.workspace.id, a.apiKey, 10000);
    await invMemberRate(t.http, a.workspace.id, a.apiKey, worker.user.id, 7550);
    const entry = async (
      name: string,
      start: string,
      end: string,
      projectId: string,
      extra: Record<string, unknown> = {},
      userId?: string,
    ) => {
      const created = await teCreate(
        t.http,
        a.workspace.id,
        a.apiKey,
        { start, end, projectId, billable: true, description: name, ...extra },
        userId,
      );
      entries[name] = created.id;
      return created;
    };
    const e1 = await entry('Design', '2024-03-04T09:00:00Z', '2024-03-04T10:30:00Z', website); // 5400 s at 100.00
    await entry('Review', '2024-03-05T09:00:00Z', '2024-03-05T09:45:00Z', website); // 2700 s at 100.00
    const e3 = await entry('Build', '2024-03-05T10:00:00Z', '2024-03-05T12:00:00Z', website, {}, worker.user.id); // 7200 s at 75.50
    await entry('Sketch', '2024-03-06T13:00:00Z', '2024-03-06T13:20:00Z', app); // 1200 s at 100.00
    await entry('Elsewhere', '2024-03-06T14:00:00Z', '2024-03-06T15:00:00Z', foreign);
    await entry('Unbillable', '2024-03-07T09:00:00Z', '2024-03-07T10:00:00Z', website, { billable: false });
    await entry('Later', '2024-04-02T09:00:00Z', '2024-04-02T10:00:00Z', website);
    expect(e1.hourlyRate).toEqual({ amount: 10000, currency: 'USD' });
    expect(e3.hourlyRate).toEqual({ amount: 7550, currency: 'USD' });
    expenseIn = await invExpense(t.app, a.workspace.id, a.user.id, website, {
      amountCents: 4599,
      date: '2024-03-10',
      notes: 'Hotel',
    });
    expenseNotBillable = await invExpense(t.app, a.workspace.id, a.user.id, website, {
      amountCents: 100,
      date: '2024-03-10',
      billable: false,
    });
    expenseForeign = await invExpense(t.app, a.workspace.id, a.user.id, foreign, {
      amountCents: 200,
      date: '2024-03-10',
    });
  });
  afterAll(() => t.app.close());

  describe('POST /invoices/{id}/items', () => {
    const item = (extra: Record<string, unknown> = {}) => ({
      description: 'Hosting',
      itemType: 'Goods',
      quantity: 150,
      unitPrice: 333,
      applyTaxes: 'TAX1',
      ...extra,
    });

    it('401, 403, 400, 404', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const other = await invCreate(t.http, b.workspace.id, b.apiKey, await createClientRow(t.app, b.workspace.id));
      const url = `${base(a.workspace.id)}/${id}/items`;
      await request(t.http).post(url).send(item()).expect(401);
      await request(t.http).post(url).set('X-Api-Key', member.apiKey).send(item()).expect(403);
      for (const bad of [
        {},
        item({ quantity: -1 }),
        item({ quantity: 1.5 }),
        item({ unitPrice: 'x' }),
        item({ itemType: '' }),
        item({ applyTaxes: 'ALL' }),
        item({ extra: true }),
      ]) {
        await request(t.http).post(url).set('X-Api-Key', a.apiKey).send(bad).expect(400);
      }
      await request(t.http)
        .post(`${base(a.workspace.id)}/bad/items`)
        .set('X-Api-Key', a.apiKey)
        .send(item())
        .expect(400);
      await request(t.http)
        .post(`${base(a.workspace.id)}/${other}/items`)
        .set('X-Api-Key', a.apiKey)
        .send(item())
        .expect(404);
    });

    it('adds lines in order; amount = quantity (hundredths) × unit price rounded half up; totals follow', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const url = `${base(a.workspace.id)}/${id}/items`;
      const first = await request(t.http).post(url).set('X-Api-Key', a.apiKey).send(item()).expect(200);
      expect(first.body.items).toEqual([
        {
          order: 1,
          description: 'Hosting',
          itemType: 'Goods',
          quantity: 150,
          unitPrice: 333,
          amount: 500,
          applyTaxes: 'TAX1',
          importType: 'NOT_IMPORTED',
          timeEntryIds: [],
          expenseIds: [],
        },
      ]);
      const second = await request(t.http)
        .post(url)
        .set('X-Api-Key', a.apiKey)
        .send(item({ quantity: 125, description: 'Support' }))
        .expect(200);
      expect(second.body.items.map((i: { order: number; amount: number }) => [i.order, i.amount])).toEqual([
        [1, 500],
        [2, 416],
      ]);
      expect(second.body).toMatchObject({ subtotal: 916, amount: 916, balance: 916 });
      expect(await invEvents(t.app, id)).toEqual(['NEW_INVOICE', 'INVOICE_UPDATED', 'INVOICE_UPDATED']);
    });
  });

  describe('DELETE /invoices/{id}/items/{order}', () => {
    it('401, 403, 400, 404; 200 removes the line and recomputes', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const other = await invCreate(t.http, b.workspace.id, b.apiKey, await createClientRow(t.app, b.workspace.id));
      const url = `${base(a.workspace.id)}/${id}/items`;
      await request(t.http)
        .post(url)
        .set('X-Api-Key', a.apiKey)
        .send({ description: 'A', itemType: 'Service', quantity: 100, unitPrice: 1000, applyTaxes: 'NONE' })
        .expect(200);
      await request(t.http)
        .post(url)
        .set('X-Api-Key', a.apiKey)
        .send({ description: 'B', itemType: 'Service', quantity: 200, unitPrice: 1000, applyTaxes: 'NONE' })
        .expect(200);
      await request(t.http).delete(`${url}/1`).expect(401);
      await request(t.http).delete(`${url}/1`).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).delete(`${url}/abc`).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).delete(`${url}/0`).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).delete(`${url}/9`).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${other}/items/1`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http).delete(`${url}/1`).set('X-Api-Key', a.apiKey).expect(200);
      expect(res.body.items.map((i: { order: number; description: string }) => [i.order, i.description])).toEqual([
        [2, 'B'],
      ]);
      expect(res.body).toMatchObject({ subtotal: 2000, amount: 2000 });
    });
  });

  describe('POST /invoices/{id}/items/import', () => {
    it('401, 403, 400, 404', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const other = await invCreate(t.http, b.workspace.id, b.apiKey, await createClientRow(t.app, b.workspace.id));
      await request(t.http)
        .post(`${base(a.workspace.id)}/${id}/items/import`)
        .send(importBody())
        .expect(401);
      await doImport(id, importBody(), member.apiKey).expect(403);
      for (const bad of [
        {},
        importBody({ from: 'March' }),
        importBody({ to: '2024-02-01T00:00:00Z' }),
        importBody({ timeEntryGroupType: 'BY_PROJECT' }),
        importBody({ projectFilter: undefined }),
        importBody({ projectFilter: { ids: ['nope'] } }),
        importBody({ timeEntryPrimaryGroupBy: 'USER', timeEntrySecondaryGroupBy: 'USER' }),
        importBody({ expensesGroupBy: 'DATE' }),
      ]) {
        await doImport(id, bad).expect(400);
      }
      await doImport('123', importBody()).expect(400);
      await doImport(other, importBody()).expect(404);
    });

    it('builds lines per project (split by rate) whose totals match an independent computation; marks the entries invoiced', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, client, { number: 'IMP-1' });
      const res = await doImport(id, importBody({ importExpenses: true })).expect(200);
      const website100 = timeCents(5400 + 2700, 10000);
      const website75 = timeCents(7200, 7550);
      const app100 = timeCents(1200, 10000);
      expect([website100, website75, app100]).toEqual([22500, 15100, 3333]);
      expect(res.body.items).toEqual([
        {
          order: 1,
          description: 'Website',
          itemType: 'Service',
          quantity: 225,
          unitPrice: 10000,
          amount: website100,
          applyTaxes: 'TAX1TAX2',
          importType: 'TIME_ENTRY_IMPORT',
          timeEntryIds: [entries.Design, entries.Review].sort(),
          expenseIds: [],
        },
        {
          order: 2,
          description: 'Website',
          itemType: 'Service',
          quantity: 200,
          unitPrice: 7550,
          amount: website75,
          applyTaxes: 'TAX1TAX2',
          importType: 'TIME_ENTRY_IMPORT',
          timeEntryIds: [entries.Build],
          expenseIds: [],
        },
        {
          order: 3,
          description: 'App',
          itemType: 'Service',
          quantity: 33,
          unitPrice: 10000,
          amount: app100,
          applyTaxes: 'TAX1TAX2',
          importType: 'TIME_ENTRY_IMPORT',
          timeEntryIds: [entries.Sketch],
          expenseIds: [],
        },
        {
          order: 4,
          description: expect.stringMatching(/^Category /),
          itemType: 'Expense',
          quantity: 100,
          unitPrice: 4599,
          amount: 4599,
          applyTaxes: 'TAX1TAX2',
          importType: 'EXPENSE_IMPORT',
          timeEntryIds: [],
          expenseIds: [expenseIn],
        },
      ]);
      expect(res.body).toMatchObject({
        containsImportedTimes: true,
        containsImportedExpenses: true,
        subtotal: website100 + website75 + app100 + 4599,
      });

      // Discount 5%, tax 10%, tax2 2.5% (simple): each per line, rounded half up, then summed.
      const put = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({
          currency: 'USD',
          number: 'IMP-1',
          issuedDate: '2024-04-01T00:00:00Z',
          dueDate: '2024-04-30T00:00:00Z',
          discountPercent: 5,
          taxPercent: 10,
          tax2Percent: 2.5,
        })
        .expect(200);
      const lines = [website100, website75, app100, 4599];
      const discounts = lines.map((l) => pct(l, 500));
      const bases = lines.map((l, i) => l - discounts[i]);
      const taxes = bases.map((x) => pct(x, 1000));
      const taxes2 = bases.map((x) => pct(x, 250));
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      const expectedTotal = sum(lines) - sum(discounts) + sum(taxes) + sum(taxes2);
      expect(put.body).toMatchObject({
        subtotal: sum(lines),
        discountAmount: sum(discounts),
        taxAmount: sum(taxes),
        tax2Amount: sum(taxes2),
        amount: expectedTotal,
        balance: expectedTotal,
      });
      // Per line: tax 2137.5 → 2138, 1434.5 → 1435, 316.6 → 317, 436.9 → 437 = 4327 (not 10% of the sum, 4325.5 → 4326).
      expect([sum(discounts), sum(taxes), sum(taxes2), expectedTotal]).toEqual([2277, 4327, 1081, 48663]);

      const imported = [entries.Design, entries.Review, entries.Build, entries.Sketch];
      const others = [entries.Elsewhere, entries.Unbillable, entries.Later];
      expect(Object.values(await invFlags(t.app, 'time_entries', imported))).toEqual([true, true, true, true]);
      expect(Object.values(await invFlags(t.app, 'time_entries', others))).toEqual([false, false, false]);
      expect(await invFlags(t.app, 'expenses', [expenseIn, expenseNotBillable, expenseForeign])).toEqual({
        [expenseIn]: true,
        [expenseNotBillable]: false,
        [expenseForeign]: false,
      });

      // An entry is never on two invoices: a second import finds nothing, and the database refuses a second link.
      const second = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const again = await doImport(second, importBody({ importExpenses: true })).expect(200);
      expect(again.body.items).toEqual([]);
      await request(t.http)
        .post(`${base(a.workspace.id)}/${second}/items`)
        .set('X-Api-Key', a.apiKey)
        .send({ description: 'x', itemType: 'Service', quantity: 100, unitPrice: 1, applyTaxes: 'NONE' })
        .expect(200);
      await expect(
        t.app
          .get(DataSource)
          .query(
            `INSERT INTO invoice_item_time_entries (workspace_id, invoice_id, item_position, time_entry_id) VALUES ($1, $2, 1, $3)`,
            [a.workspace.id, second, entries.Design],
          ),
      ).rejects.toThrow(/duplicate key|unique/);

      // Deleting an item releases its entries, which can then go on another invoice.
      const removed = await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}/items/1`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(removed.body.items.map((i: { order: number }) => i.order)).toEqual([2, 3, 4]);
      expect(removed.body.subtotal).toBe(website75 + app100 + 4599);
      expect(await invFlags(t.app, 'time_entries', [entries.Design, entries.Review, entries.Build])).toEqual({
        [entries.Design]: false,
        [entries.Review]: false,
        [entries.Build]: true,
      });
      const moved = await doImport(second, importBody()).expect(200);
      expect(moved.body.items.map((i: { timeEntryIds: string[] }) => i.timeEntryIds)).toEqual([
        [],
        [entries.Design, entries.Review].sort(),
      ]);

      // Deleting invoices releases everything imported into them.
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${second}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(Object.values(await invFlags(t.app, 'time_entries', imported))).toEqual([false, false, false, false]);
      expect((await invFlags(t.app, 'expenses', [expenseIn]))[expenseIn]).toBe(false);
    });

    it('DETAILED: a line per entry described by the chosen fields; project filter; 15-minute rounding', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const res = await doImport(
        id,
        importBody({
          timeEntryGroupType: 'DETAILED',
          timeEntryFieldsForDetailedGroup: ['DATE', 'DESCRIPTION'],
          projectFilter: { ids: [app], contains: 'DOES_NOT_CONTAIN' },
          roundTimeEntryDuration: true,
        }),
      ).expect(200);
      expect(
        res.body.items.map((i: { description: string; quantity: number; amount: number }) => [
          i.description,
          i.quantity,
          i.amount,
        ]),
      ).toEqual([
        ['2024-03-04 - Design', 150, 15000],
        ['2024-03-05 - Review', 75, 7500],
        ['2024-03-05 - Build', 200, 15100],
      ]);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      const rounded = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const single = await doImport(
        rounded,
        importBody({ timeEntryGroupType: 'SINGLE_ITEM', projectFilter: { ids: [app] }, roundTimeEntryDuration: true }),
      ).expect(200);
      // 20 minutes round to 15: 0.25 h × 100.00
      expect(single.body.items).toEqual([
        expect.objectContaining({
          description: 'Time from 2024-03-01 to 2024-04-01',
          quantity: 25,
          amount: 2500,
          timeEntryIds: [entries.Sketch],
        }),
      ]);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${rounded}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
    });

    it('GROUPED by user then project; expenses grouped by project', async () => {
      const id = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const res = await doImport(
        id,
        importBody({
          timeEntryPrimaryGroupBy: 'USER',
          timeEntrySecondaryGroupBy: 'PROJECT',
          importExpenses: true,
          expensesGroupBy: 'PROJECT',
        }),
      ).expect(200);
      expect(
        res.body.items.map((i: { description: string; quantity: number; amount: number; importType: string }) => [
          i.description,
          i.quantity,
          i.amount,
          i.importType,
        ]),
      ).toEqual([
        ['Alice - Website', 225, 22500, 'TIME_ENTRY_IMPORT'],
        ['Walter - Website', 200, 15100, 'TIME_ENTRY_IMPORT'],
        ['Alice - App', 33, 3333, 'TIME_ENTRY_IMPORT'],
        ['Website', 100, 4599, 'EXPENSE_IMPORT'],
      ]);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
    });

    it('two concurrent imports of the same entries: each entry lands on exactly one invoice', async () => {
      const first = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const second = await invCreate(t.http, a.workspace.id, a.apiKey, client);
      const results = await Promise.all([
        doImport(first, importBody({ timeEntryGroupType: 'DETAILED' })),
        doImport(second, importBody({ timeEntryGroupType: 'DETAILED' })),
      ]);
      const ids = results.flatMap((r) => (r.body.items as { timeEntryIds: string[] }[]).flatMap((i) => i.timeEntryIds));
      expect(results.map((r) => r.status).every((s) => s === 200 || s === 409)).toBe(true);
      expect(ids.sort()).toEqual([entries.Design, entries.Review, entries.Build, entries.Sketch].sort());
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${first}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${second}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
    });
  });
});
