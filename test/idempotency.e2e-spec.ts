import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, Owner } from './factories';
import { startTestApp, TestApp } from './utils/test-app';

describe('Idempotency-Key', () => {
  let t: TestApp;
  let a: Owner;
  let admin: Account;
  const clients = (ws: string) => `/v1/workspaces/${ws}/clients`;
  const post = (key: string, body: object, idempotencyKey?: string) => {
    const req = request(t.http).post(clients(a.workspace.id)).set('X-Api-Key', key);
    return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
  };
  const countByName = async (name: string) =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query(`SELECT count(*) AS n FROM clients WHERE workspace_id = $1 AND name = $2`, [a.workspace.id, name])
      )[0].n,
    );
  const events = async (name: string) =>
    (
      await t.app
        .get(DataSource)
        .query(`SELECT event FROM outbox WHERE workspace_id = $1 AND payload->>'name' = $2`, [a.workspace.id, name])
    ).map((r: { event: string }) => r.event);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
  });
  afterAll(() => t.app.close());

  it('a repeated POST with the same key and body creates one client and answers the same status and body', async () => {
    const first = await post(a.apiKey, { name: 'Once' }, 'key-1').expect(201);
    const again = await post(a.apiKey, { name: 'Once' }, 'key-1').expect(201);
    expect(again.body).toEqual(first.body);
    expect(await countByName('Once')).toBe(1);
    expect(await events('Once')).toEqual(['NEW_CLIENT']);
    // Without the key, the same request is simply done again (here: a duplicate name).
    await post(a.apiKey, { name: 'Once' }).expect(409);
  });

  it('the same key with another body (or path) is 422', async () => {
    await post(a.apiKey, { name: 'Body A' }, 'key-2').expect(201);
    const res = await post(a.apiKey, { name: 'Body B' }, 'key-2').expect(422);
    expect(res.body).toEqual({
      code: 422,
      message: 'This Idempotency-Key was used with another request (method, path or body)',
    });
    await request(t.http)
      .post(`/v1/workspaces/${a.workspace.id}/tags`)
      .set('X-Api-Key', a.apiKey)
      .set('Idempotency-Key', 'key-2')
      .send({ name: 'Body A' })
      .expect(422);
    expect(await countByName('Body B')).toBe(0);
  });

  it('keys are per caller: another credential with the same key is independent', async () => {
    await post(a.apiKey, { name: 'Caller A' }, 'shared').expect(201);
    const other = await post(admin.apiKey, { name: 'Caller B' }, 'shared').expect(201);
    expect(other.body.name).toBe('Caller B');
    expect(await countByName('Caller B')).toBe(1);
  });

  it('a failed request releases its key; concurrent duplicates do the work once', async () => {
    await post(a.apiKey, { name: '' }, 'retry').expect(400);
    await post(a.apiKey, { name: 'Retried' }, 'retry').expect(201);

    const burst = await Promise.all([1, 2, 3].map(() => post(a.apiKey, { name: 'Concurrent' }, 'concurrent')));
    const ok = burst.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of burst) expect([201, 409]).toContain(r.status);
    for (const r of ok) expect(r.body).toEqual(ok[0].body);
    expect(await countByName('Concurrent')).toBe(1);
  });

  it('is ignored on other methods and checks the key', async () => {
    await request(t.http)
      .get(clients(a.workspace.id))
      .set('X-Api-Key', a.apiKey)
      .set('Idempotency-Key', 'key-1')
      .expect(200);
    await post(a.apiKey, { name: 'Long key' }, 'k'.repeat(256)).expect(400);
    await request(t.http).post(clients(a.workspace.id)).set('Idempotency-Key', 'x').send({ name: 'Anon' }).expect(401);
  });

  it('a replay is the first answer: same status, same body bytes, same ETag and Content-Type, marked Idempotent-Replayed', async () => {
    const entries = `/v1/workspaces/${a.workspace.id}/time-entries`;
    const body = {
      start: '2024-03-01T09:00:00Z',
      end: '2024-03-01T10:30:00Z',
      description: 'Replayed entry',
      billable: true,
    };
    const send = () =>
      request(t.http)
        .post(entries)
        .set('X-Api-Key', a.apiKey)
        .set('Idempotency-Key', 'replay-entry')
        .send(body)
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => done(null, text));
        });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await send();
    expect(again.status).toBe(first.status);
    expect(again.body).toBe(first.body); // the same bytes, keys in the same order
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM time_entries WHERE workspace_id = $1 AND description = 'Replayed entry'`, [
        a.workspace.id,
      ]);
    expect(n).toBe(1);
  });

  it('a replayed create answering 200 keeps its 200 and bytes (not the 201 default)', async () => {
    const path = `/v1/workspaces/${a.workspace.id}/tags`;
    const first = await request(t.http)
      .post(path)
      .set('X-Api-Key', a.apiKey)
      .set('Idempotency-Key', 'tag-once')
      .send({ name: 'Replayed tag' });
    const again = await request(t.http)
      .post(path)
      .set('X-Api-Key', a.apiKey)
      .set('Idempotency-Key', 'tag-once')
      .send({ name: 'Replayed tag' });
    expect(again.status).toBe(first.status);
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('twenty concurrent first requests with one key write once', async () => {
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => post(a.apiKey, { name: 'Twenty at once' }, 'burst-20')),
    );
    for (const r of burst) expect([201, 409]).toContain(r.status);
    const ok = burst.filter((r) => r.status === 201);
    for (const r of ok) expect(r.text).toBe(ok[0].text);
    expect(await countByName('Twenty at once')).toBe(1);
    expect(await events('Twenty at once')).toEqual(['NEW_CLIENT']);
  });
});
