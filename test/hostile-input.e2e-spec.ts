import request from 'supertest';
import { DataSource } from 'typeorm';
import { createOwner, Owner } from './factories';
import { startTestApp, TestApp } from './utils/test-app';

/** Bodies and query strings that once overflowed the stack or reached PostgreSQL (500): now 400 before validation. */
describe('Hostile input: deep JSON, NUL characters', () => {
  let t: TestApp;
  let a: Owner;
  const clients = () => `/v1/workspaces/${a.workspace.id}/clients`;
  const count = async (name: string) =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query(`SELECT count(*) AS n FROM clients WHERE workspace_id = $1 AND name LIKE $2`, [a.workspace.id, name])
      )[0].n,
    );
  const nested = (depth: number, leaf: unknown = 1): string =>
    `${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`;
  const raw = (path: string, body: string) =>
    request(t.http).post(path).set('X-Api-Key', a.apiKey).set('Content-Type', 'application/json').send(body);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
  });
  afterAll(() => t.app.close());

  it.each([
    ['a known field', (d: number) => `{"name":"Deep","note":${nested(d)}}`, 'note'],
    ['an unknown field', (d: number) => `{"name":"Deep","whatever":${nested(d)}}`, 'whatever'],
    ['the top level', (d: number) => nested(d), ''],
  ])('JSON nested 2,000 levels deep in %s is 400 naming where, and writes nothing', async (_where, body, field) => {
    const res = await raw(clients(), body(2000)).expect(400);
    expect(res.body).toEqual({
      code: 400,
      message: 'The JSON body is nested deeper than 32 levels',
      errors: [
        {
          field: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}`)),
          message: 'nested deeper than 32 levels',
        },
      ],
    });
    expect(await count('Deep')).toBe(0);
  });

  it('32 levels pass the depth check (and reach validation), 33 do not', async () => {
    const atLimit = await raw(clients(), `{"name":"Deep","note":${nested(31)}}`).expect(400);
    expect(atLimit.body.message).not.toMatch(/nested/);
    const over = await raw(clients(), `{"name":"Deep","note":${nested(32)}}`).expect(400);
    expect(over.body.message).toMatch(/nested deeper than 32/);
  });

  it('a NUL character in a string field is 400 naming the field, and writes nothing', async () => {
    const res = await raw(clients(), '{"name":"Nul\\u0000client"}').expect(400);
    expect(res.body).toEqual({
      code: 400,
      message: 'Text must not contain NUL characters',
      errors: [{ field: 'name', message: 'contains a NUL character' }],
    });
    expect(await count('Nul%')).toBe(0);
  });

  it('a NUL character nested in an array or in a key is named by its path', async () => {
    const inArray = await request(t.http)
      .post(`/v1/workspaces/${a.workspace.id}/tags`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'x', list: [{ deep: 'a\u0000' }] })
      .expect(400);
    expect(inArray.body.errors).toEqual([{ field: 'list[0].deep', message: 'contains a NUL character' }]);
    const inKey = await raw(clients(), '{"na\\u0000me":"x"}').expect(400);
    expect(inKey.body.errors[0].message).toBe('contains a NUL character');
  });

  it('%00 in a query value (or name) is 400 naming the parameter', async () => {
    const res = await request(t.http).get(`${clients()}?name=a%00b`).set('X-Api-Key', a.apiKey).expect(400);
    expect(res.body).toEqual({
      code: 400,
      message: 'Text must not contain NUL characters',
      errors: [{ field: 'name', message: 'contains a NUL character' }],
    });
    await request(t.http)
      .get(`/v1/workspaces/${a.workspace.id}/time-entries/status/in-progress?x%00=1`)
      .set('X-Api-Key', a.apiKey)
      .expect(400);
  });

  it('%00 in a path segment is 400 too, never a database error', async () => {
    const res = await request(t.http)
      .get(`/v1/workspaces/${a.workspace.id}/clients/abc%00def`)
      .set('X-Api-Key', a.apiKey);
    expect(res.status).toBe(400);
  });

  it('also holds without credentials (checked before anything reads the request)', async () => {
    await request(t.http).post(clients()).set('Content-Type', 'application/json').send(nested(2000)).expect(400);
  });
});
