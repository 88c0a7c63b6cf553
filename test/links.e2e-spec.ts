import './utils/trust-proxy-env';
import request from 'supertest';
import { createOwner, Owner } from './factories';
import { startTestApp, TestApp } from './utils/test-app';

/** Behind a trusted proxy (TRUST_PROXY=true), the links the API hands out use the proxy's scheme and host. */
describe('Absolute links behind a trusted proxy', () => {
  let t: TestApp;
  let a: Owner;
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Proxied');
  });
  afterAll(() => t.app.close());

  it('shared report links follow X-Forwarded-Proto and X-Forwarded-Host', async () => {
    const url = `/v1/workspaces/${a.workspace.id}/shared-reports`;
    const filter = {
      dateRangeStart: '2024-03-01T00:00:00Z',
      dateRangeEnd: '2024-03-31T23:59:59.999Z',
      timeZone: 'UTC',
      summaryFilter: { groups: ['PROJECT'] },
    };
    const created = await request(t.http)
      .post(url)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'Proxied report', type: 'SUMMARY', filter })
      .expect(200);
    const proxied = await request(t.http)
      .get(url)
      .set('X-Api-Key', a.apiKey)
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'time.example.com')
      .expect(200);
    expect(proxied.body.reports[0].link).toBe(`https://time.example.com/v1/shared-reports/${created.body.id}`);
    const direct = await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(200);
    expect(direct.body.reports[0].link).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/v1/shared-reports/${created.body.id}$`),
    );
  });

  it('uploaded image urls follow them too', async () => {
    const res = await request(t.http)
      .post('/v1/file/image')
      .set('X-Api-Key', a.apiKey)
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'time.example.com')
      .attach('file', PNG, { filename: 'me.png', contentType: 'image/png' })
      .expect(200);
    expect(res.body.url).toBe(`https://time.example.com/v1/file/image/${res.body.name}`);
  });
});
