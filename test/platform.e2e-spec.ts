import request from 'supertest';
import { createMember, createOwner, installAddon, Owner } from './factories';
import { startTestApp, TestApp } from './utils/test-app';

describe('Platform: health, auth, tenancy, errors, Swagger', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
  });
  afterAll(() => t.app.close());

  it('GET /health answers without credentials', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 401 with the error body without credentials, with a bad key and with a tampered token', async () => {
    const none = await request(t.http).get('/v1/user').expect(401);
    expect(none.body).toEqual({ message: expect.stringMatching(/X-Api-Key/), code: 401 });
    await request(t.http).get('/v1/user').set('X-Api-Key', 'not-a-key').expect(401);
    const { token } = await installAddon(t.app, a.workspace.id);
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`;
    await request(t.http).get(`/v1/workspaces/${a.workspace.id}`).set('X-Addon-Token', tampered).expect(401);
  });

  it('an add-on token reaches its own workspace only', async () => {
    const { token } = await installAddon(t.app, a.workspace.id);
    const own = await request(t.http).get(`/v1/workspaces/${a.workspace.id}`).set('X-Addon-Token', token).expect(200);
    expect(own.body.id).toBe(a.workspace.id);
    await request(t.http).get(`/v1/workspaces/${b.workspace.id}`).set('X-Addon-Token', token).expect(403);
  });

  it('a user of another workspace gets 403, a malformed workspace id 400', async () => {
    await request(t.http).get(`/v1/workspaces/${b.workspace.id}`).set('X-Api-Key', a.apiKey).expect(403);
    const bad = await request(t.http).get('/v1/workspaces/not-an-id').set('X-Api-Key', a.apiKey).expect(400);
    expect(bad.body.code).toBe(400);
  });

  it('an inactive member is refused like a stranger', async () => {
    const gone = await createMember(t.app, a.workspace.id, { status: 'INACTIVE' });
    await request(t.http).get(`/v1/workspaces/${a.workspace.id}`).set('X-Api-Key', gone.apiKey).expect(403);
  });

  it('refuses a body that is not JSON with 415 and malformed JSON with 400', async () => {
    await request(t.http)
      .post('/v1/workspaces')
      .set('X-Api-Key', a.apiKey)
      .set('Content-Type', 'text/plain')
      .send('name=x')
      .expect(415);
    const res = await request(t.http)
      .post('/v1/workspaces')
      .set('X-Api-Key', a.apiKey)
      .set('Content-Type', 'application/json')
      .send('{"name":')
      .expect(400);
    expect(res.body).toEqual({ message: 'Malformed JSON body', code: 400 });
  });

  it('also answers under the /api/v1 prefix of Clockify base URLs', async () => {
    const res = await request(t.http).get('/api/v1/user').set('X-Api-Key', a.apiKey).expect(200);
    expect(res.body.id).toBe(a.user.id);
    await request(t.http).get(`/api/v1/workspaces/${a.workspace.id}`).set('X-Api-Key', a.apiKey).expect(200);
    await request(t.http).get('/apiv1/user').set('X-Api-Key', a.apiKey).expect(404);
  });

  it('serves Swagger UI at /docs and the OpenAPI document with both security schemes at /docs-json', async () => {
    const ui = await request(t.http).get('/docs').expect(200);
    expect(ui.text).toMatch(/swagger/i);
    const doc = await request(t.http).get('/docs-json').expect(200);
    expect(Object.keys(doc.body.components.securitySchemes)).toEqual(
      expect.arrayContaining(['ApiKeyAuth', 'AddonKeyAuth']),
    );
    expect(doc.body.servers).toEqual([{ url: '/' }]);
  });
});
