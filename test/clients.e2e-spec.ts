import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, MISSING_ID, Owner } from './factories';
import { catalogEvents, createCatalogProjectRow, createClientRow } from './factories/catalog';
import { startTestApp, TestApp } from './utils/test-app';

describe('Clients', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  const base = (ws: string) => `/v1/workspaces/${ws}/clients`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
  });
  afterAll(() => t.app.close());

  describe('POST /clients', () => {
    it('401 without credentials, 403 for a plain member, 400 for bad bodies', async () => {
      await request(t.http).post(base(a.workspace.id)).send({ name: 'X' }).expect(401);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', member.apiKey).send({ name: 'X' }).expect(403);
      const key = a.apiKey;
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', key).send({}).expect(400);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', key).send({ name: '   ' }).expect(400);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', key)
        .send({ name: 'x'.repeat(101) })
        .expect(400);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', key)
        .send({ name: 'Ok', email: 'not-an-email' })
        .expect(400);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', key)
        .send({ name: 'Ok', note: 'n'.repeat(3001) })
        .expect(400);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', key)
        .send({ name: 'Ok', archvied: true })
        .expect(400);
    });

    it('accepts and ignores the fields of a client (archived, id, currencyCode) in a create', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({
          name: 'Copied client',
          archived: true,
          id: MISSING_ID,
          currencyCode: 'XXX',
          workspaceId: b.workspace.id,
        })
        .expect(201);
      expect(res.body).toMatchObject({
        name: 'Copied client',
        archived: false,
        currencyCode: a.workspace.currency,
        workspaceId: a.workspace.id,
      });
      expect(res.body.id).not.toBe(MISSING_ID);
    });

    it('creates a client (trimmed name, workspace currency) and records NEW_CLIENT', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ name: '  Acme Corp ', email: 'billing@acme.test', address: '1 Road', note: 'Big one' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Acme Corp',
        email: 'billing@acme.test',
        address: '1 Road',
        note: 'Big one',
        ccEmails: [],
        currencyId: a.workspace.id,
        currencyCode: a.workspace.currency,
        archived: false,
        workspaceId: a.workspace.id,
      });
      expect(await catalogEvents(t.app, res.body.id)).toEqual(['NEW_CLIENT']);
    });

    it('409 for a duplicate name, case-insensitively, naming the conflict; other workspaces may reuse it', async () => {
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Dup Client' })
        .expect(201);
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'DUP client' })
        .expect(409);
      expect(res.body).toEqual({ code: 409, message: "Client with name 'DUP client' already exists" });
      await request(t.http)
        .post(base(b.workspace.id))
        .set('X-Api-Key', b.apiKey)
        .send({ name: 'Dup Client' })
        .expect(201);
    });

    it('of 5 concurrent creates with one name exactly one wins', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({ name: 'Race Client' }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409]);
      const rows: unknown[] = await t.app
        .get(DataSource)
        .query(`SELECT 1 FROM clients WHERE workspace_id = $1 AND lower(name) = 'race client'`, [a.workspace.id]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('GET /clients', () => {
    let ws: Owner;
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lister');
      await createClientRow(t.app, ws.workspace.id, { name: 'beta' });
      await createClientRow(t.app, ws.workspace.id, { name: 'Alpha' });
      await createClientRow(t.app, ws.workspace.id, { name: 'Gamma', archived: true });
      await createClientRow(t.app, ws.workspace.id, { name: '100%_off' });
    });

    it('401 without credentials, 403 for a stranger, 400 for bad query values', async () => {
      await request(t.http).get(base(ws.workspace.id)).expect(401);
      await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', a.apiKey).expect(403);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'sort-order': 'UP' })
        .expect(400);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'page-size': 0 })
        .expect(400);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ archived: 'maybe' })
        .expect(400);
    });

    it('lists by name, case-insensitively, with paging headers; a plain member may list', async () => {
      const plain = await createMember(t.app, ws.workspace.id);
      const res = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', plain.apiKey).expect(200);
      expect(res.body.map((c: { name: string }) => c.name)).toEqual(['100%_off', 'Alpha', 'beta', 'Gamma']);
      expect(res.body[1]).toMatchObject({ currencyCode: ws.workspace.currency, workspaceId: ws.workspace.id });
      expect(res.headers['x-total-count']).toBe('4');
      const page = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ page: 2, 'page-size': 3, 'sort-order': 'DESCENDING' })
        .expect(200);
      expect(page.body.map((c: { name: string }) => c.name)).toEqual(['100%_off']);
      expect(page.headers['last-page']).toBe('true');
    });

    it('filters by name (contains, case-insensitive, wildcards literal) and archived', async () => {
      const named = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ name: 'ET' })
        .expect(200);
      expect(named.body.map((c: { name: string }) => c.name)).toEqual(['beta']);
      const literal = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ name: '%_' })
        .expect(200);
      expect(literal.body.map((c: { name: string }) => c.name)).toEqual(['100%_off']);
      const archived = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ archived: true })
        .expect(200);
      expect(archived.body.map((c: { name: string }) => c.name)).toEqual(['Gamma']);
      const active = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ archived: false })
        .expect(200);
      expect(active.body).toHaveLength(3);
    });
  });

  describe('GET /clients/{id}', () => {
    it('401, 400 malformed id, 404 for another workspace or a missing id, 200 for a member', async () => {
      const id = await createClientRow(t.app, a.workspace.id, { name: 'Gettable', email: 'g@example.com' });
      const other = await createClientRow(t.app, b.workspace.id);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .get(`${base(a.workspace.id)}/nope`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${MISSING_ID}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        name: 'Gettable',
        email: 'g@example.com',
        address: null,
        note: null,
        archived: false,
        currencyCode: a.workspace.currency,
      });
    });
  });

  describe('PUT /clients/{id}', () => {
    it('401, 403 member, 400 malformed id and bad body, 404 other workspace', async () => {
      const id = await createClientRow(t.app, a.workspace.id);
      const other = await createClientRow(t.app, b.workspace.id);
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
        .put(`${base(a.workspace.id)}/bad`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'N' })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ ccEmails: ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io'] })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ ccEmails: ['nope'] })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: '' })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'N' })
        .expect(404);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ currencyId: MISSING_ID })
        .expect(404);
    });

    it('changes only the fields sent, records CLIENT_UPDATED, 409 on a taken name', async () => {
      const id = await createClientRow(t.app, a.workspace.id, { name: 'Before', email: 'keep@example.com' });
      await createClientRow(t.app, a.workspace.id, { name: 'Taken Name' });
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .send({
          name: 'After',
          note: 'noted',
          ccEmails: ['cc@example.com'],
          currencyId: a.workspace.id,
          archived: true,
        })
        .expect(200);
      expect(res.body).toEqual({
        id,
        name: 'After',
        email: 'keep@example.com',
        address: null,
        note: 'noted',
        ccEmails: ['cc@example.com'],
        currencyId: a.workspace.id,
        currencyCode: a.workspace.currency,
        archived: true,
        workspaceId: a.workspace.id,
      });
      // Every answer for a client has the fields of GET.
      expect(
        (
          await request(t.http)
            .get(`${base(a.workspace.id)}/${id}`)
            .set('X-Api-Key', a.apiKey)
            .expect(200)
        ).body,
      ).toEqual(res.body);
      expect(await catalogEvents(t.app, id)).toEqual(['CLIENT_UPDATED']);
      const conflict = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'taken name' })
        .expect(409);
      expect(conflict.body.message).toBe("Client with name 'taken name' already exists");
      const same = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'AFTER' })
        .expect(200);
      expect(same.body.name).toBe('AFTER');
    });

    it("archive-projects archives the client's projects when archiving", async () => {
      const id = await createClientRow(t.app, a.workspace.id);
      const project = await createCatalogProjectRow(t.app, a.workspace.id, id);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .query({ 'archive-projects': true })
        .set('X-Api-Key', a.apiKey)
        .send({ archived: true })
        .expect(200);
      const [row] = await t.app.get(DataSource).query(`SELECT archived FROM projects WHERE id = $1`, [project]);
      expect(row.archived).toBe(true);
    });
  });

  describe('DELETE /clients/{id}', () => {
    it('401, 403 member, 400 malformed, 404 other workspace, 400 while not archived', async () => {
      const id = await createClientRow(t.app, a.workspace.id);
      const other = await createClientRow(t.app, b.workspace.id, { archived: true });
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/x1`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      expect(res.body).toEqual({ code: 400, message: 'Client must be archived before deletion' });
      expect(await catalogEvents(t.app, id)).toEqual([]);
    });

    it('deletes an archived client, keeps its projects without a client, records CLIENT_DELETED', async () => {
      const id = await createClientRow(t.app, a.workspace.id, { name: 'Gone', archived: true });
      const project = await createCatalogProjectRow(t.app, a.workspace.id, id);
      const got = await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      const res = await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .expect(200);
      expect(res.body).toEqual(got.body);
      expect(res.body).toMatchObject({
        id,
        name: 'Gone',
        archived: true,
        workspaceId: a.workspace.id,
        currencyCode: a.workspace.currency,
      });
      expect(await catalogEvents(t.app, id)).toEqual(['CLIENT_DELETED']);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const [row] = await t.app.get(DataSource).query(`SELECT client_id FROM projects WHERE id = $1`, [project]);
      expect(row.client_id).toBeNull();
    });
  });
  it('documents the catalog operations in /docs-json with the reference names', async () => {
    const doc = await request(t.http).get('/docs-json').expect(200);
    const op = (path: string, method: string) => doc.body.paths[path][method];
    const list = op('/v1/workspaces/{workspaceId}/clients', 'get');
    expect(list.operationId).toBe('getClients');
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['name', 'archived', 'sort-column', 'sort-order', 'page', 'page-size']),
    );
    expect(op('/v1/workspaces/{workspaceId}/clients/{id}', 'delete').operationId).toBe('deleteClient');
    expect(op('/v1/workspaces/{workspaceId}/tags', 'post').operationId).toBe('createNewTag');
    expect(op('/v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users', 'post').responses['200']).toBeDefined();
    expect(Object.keys(doc.body.components.schemas.ClientWithCurrencyDto.properties)).toEqual(
      expect.arrayContaining(['currencyCode', 'ccEmails', 'workspaceId']),
    );
  });
});
