import request from 'supertest';
import { createMember, createOwner, MISSING_ID, Owner } from './factories';
import { insertExpenseCategory } from './factories/expenses';
import { startTestApp, TestApp } from './utils/test-app';

type Body = Record<string, unknown>;

/**
 * Fetch, edit, PUT back (what Clockify's client libraries do): a body may carry every field of the resource's own
 * representation; those fields are accepted and ignored (never applied), while any other unknown field stays 400.
 */
describe('Read-only fields in request bodies', () => {
  let t: TestApp;
  let a: Owner;
  let other: Owner;
  let memberId: string;
  const ws = () => `/v1/workspaces/${a.workspace.id}`;
  const get = async (path: string): Promise<Body> =>
    (await request(t.http).get(path).set('X-Api-Key', a.apiKey).expect(200)).body as Body;
  const put = (path: string, body: Body) => request(t.http).put(path).set('X-Api-Key', a.apiKey).send(body);

  /** The GET body sent back with one edit and tampered read-only fields: the edit applies, the rest does not. */
  async function roundTrip(
    path: string,
    edit: Body,
    tampered: Body,
    expected: Body = edit,
  ): Promise<{ before: Body; after: Body; answer: Body }> {
    const before = await get(path);
    const res = await put(path, { ...before, ...tampered, ...edit });
    expect(res.status === 200 ? 200 : res.body).toBe(200);
    const after = await get(path);
    expect(after).toMatchObject(expected);
    for (const key of Object.keys(tampered)) expect(after[key]).toEqual(before[key]);
    return { before, after, answer: res.body as Body };
  }

  async function rejectsTypo(path: string, body: Body): Promise<void> {
    const res = await put(path, { ...body, nmae: 'typo' }).expect(400);
    expect(res.body).toMatchObject({
      code: 400,
      errors: [{ field: 'nmae', message: 'property nmae should not exist' }],
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Roundtrip');
    other = await createOwner(t.app, 'Other');
    memberId = (await createMember(t.app, a.workspace.id)).user.id;
  });
  afterAll(() => t.app.close());

  it('clients: PUT the GET body back (currencyCode, workspaceId, id ignored); a typo is 400', async () => {
    const created = await request(t.http)
      .post(`${ws()}/clients`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'RT Client' })
      .expect(201);
    const path = `${ws()}/clients/${created.body.id}`;
    // POST accepts the representation too (a copied client), without its id or currency code applying.
    const copy = await request(t.http)
      .post(`${ws()}/clients`)
      .set('X-Api-Key', a.apiKey)
      .send({ ...created.body, name: 'RT Client copy', id: MISSING_ID, currencyCode: 'XXX' })
      .expect(201);
    expect(copy.body.id).not.toBe(MISSING_ID);
    expect(copy.body.currencyCode).toBe(a.workspace.currency);
    const { answer } = await roundTrip(
      path,
      { name: 'RT Client edited', note: 'edited' },
      { id: MISSING_ID, workspaceId: other.workspace.id, currencyCode: 'XXX' },
    );
    expect(answer).toMatchObject({ id: created.body.id, name: 'RT Client edited', workspaceId: a.workspace.id });
    await rejectsTypo(path, await get(path));
  });

  it('projects: PUT the GET body back (duration, memberships, workspaceId ignored; rates read back keep their currency)', async () => {
    const created = await request(t.http)
      .post(`${ws()}/projects`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'RT Project', hourlyRate: { amount: 5000 } })
      .expect(201);
    const path = `${ws()}/projects/${created.body.id}`;
    const { after } = await roundTrip(
      path,
      { name: 'RT Project edited', color: '#00ff00' },
      {
        id: MISSING_ID,
        workspaceId: other.workspace.id,
        duration: 'PT99H',
        memberships: [{ userId: memberId, membershipType: 'PROJECT', membershipStatus: 'ACTIVE' }],
        archived: false,
        template: true,
      },
    );
    expect(after.hourlyRate).toMatchObject({ amount: 5000, currency: a.workspace.currency });
    await rejectsTypo(path, after);
  });

  it('tasks: PUT the GET body back (projectId, duration, hourlyRate ignored)', async () => {
    const project = await request(t.http)
      .post(`${ws()}/projects`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'RT Task project' })
      .expect(201);
    const other = await request(t.http)
      .post(`${ws()}/projects`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'RT Task other project' })
      .expect(201);
    const created = await request(t.http)
      .post(`${ws()}/projects/${project.body.id}/tasks`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'RT Task' })
      .expect(201);
    const path = `${ws()}/projects/${project.body.id}/tasks/${created.body.id}`;
    const { after } = await roundTrip(
      path,
      { name: 'RT Task edited', status: 'DONE' },
      {
        id: MISSING_ID,
        projectId: other.body.id,
        duration: 'PT5H',
        hourlyRate: { amount: 99999, currency: 'USD' },
        costRate: { amount: 1, currency: 'USD' },
      },
    );
    expect(after.hourlyRate).toBeNull();
    await rejectsTypo(path, after);
  });

  it('tags: PUT the GET body back (id, workspaceId ignored)', async () => {
    const created = await request(t.http)
      .post(`${ws()}/tags`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'RT Tag' })
      .expect(201);
    const path = `${ws()}/tags/${created.body.id}`;
    const { after } = await roundTrip(
      path,
      { name: 'RT Tag edited', archived: true },
      { id: MISSING_ID, workspaceId: other.workspace.id },
    );
    await rejectsTypo(path, after);
  });

  it('time entries: PUT the GET body back (userId, isLocked, hourlyRate, timeInterval, hydrated objects ignored)', async () => {
    const created = await request(t.http)
      .post(`${ws()}/time-entries`)
      .set('X-Api-Key', a.apiKey)
      .send({ start: '2024-05-01T09:00:00Z', end: '2024-05-01T10:00:00Z', description: 'RT entry' })
      .expect(201);
    const path = `${ws()}/time-entries/${created.body.id}`;
    const before = await get(`${path}?hydrated=true`);
    expect(before).toHaveProperty('user');
    const tampered = {
      id: MISSING_ID,
      userId: memberId,
      workspaceId: other.workspace.id,
      isLocked: true,
      hourlyRate: { amount: 99999, currency: 'USD' },
      costRate: { amount: 12345, currency: 'USD' },
      timeInterval: { start: '2020-01-01T00:00:00Z', end: '2020-01-01T05:00:00Z', duration: 'PT5H' },
      customFieldValues: [],
      kioskId: MISSING_ID,
    };
    const res = await put(path, {
      ...before,
      ...tampered,
      description: 'RT entry edited',
      start: '2024-05-01T08:00:00Z',
      end: '2024-05-01T10:00:00Z',
    });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 200 });
    const after = await get(path);
    expect(after).toMatchObject({
      id: created.body.id,
      description: 'RT entry edited',
      userId: a.user.id,
      workspaceId: a.workspace.id,
      isLocked: false,
      hourlyRate: created.body.hourlyRate,
      timeInterval: { start: '2024-05-01T08:00:00Z', end: '2024-05-01T10:00:00Z', duration: 'PT2H' },
    });
    await rejectsTypo(path, { ...after, start: '2024-05-01T08:00:00Z' });
  });

  it('expenses: PUT the GET body back (id, workspaceId, total, locked ignored)', async () => {
    const categoryId = await insertExpenseCategory(t.app, a.workspace.id);
    const created = await request(t.http)
      .post(`${ws()}/expenses`)
      .set('X-Api-Key', a.apiKey)
      .send({ amount: 12.5, categoryId, date: '2024-05-01' })
      .expect(201);
    const path = `${ws()}/expenses/${created.body.id}`;
    const { after } = await roundTrip(
      path,
      { notes: 'RT expense edited', amount: 20, changeFields: ['NOTES', 'AMOUNT'] },
      {
        id: MISSING_ID,
        workspaceId: other.workspace.id,
        locked: true,
        isLocked: true,
        quantity: 7,
        fileId: MISSING_ID,
      },
      { notes: 'RT expense edited', total: 20 },
    );
    await rejectsTypo(path, after);
  });

  it('invoices: PUT the GET body back (amount, balance, status, items ignored; the percents the reference requires added)', async () => {
    const client = await request(t.http)
      .post(`${ws()}/clients`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'RT Invoice client' })
      .expect(201);
    const created = await request(t.http)
      .post(`${ws()}/invoices`)
      .set('X-Api-Key', a.apiKey)
      .send({
        clientId: client.body.id,
        currency: 'USD',
        number: 'RT-1',
        issuedDate: '2024-03-01T00:00:00Z',
        dueDate: '2024-03-31T00:00:00Z',
      })
      .expect(201);
    const path = `${ws()}/invoices/${created.body.id}`;
    const { after } = await roundTrip(
      path,
      { note: 'RT invoice edited', subject: 'Edited subject', discountPercent: 0, taxPercent: 10, tax2Percent: 0 },
      {
        id: MISSING_ID,
        amount: 999999,
        balance: 999999,
        status: 'PAID',
        items: [],
        userId: memberId,
        clientName: 'Renamed',
      },
      { note: 'RT invoice edited', subject: 'Edited subject', tax: 10 },
    );
    await rejectsTypo(path, { ...after, discountPercent: 0, taxPercent: 10, tax2Percent: 0 });
  });

  it('webhooks: PUT the GET body back (authToken, userId, workspaceId ignored)', async () => {
    const created = await request(t.http)
      .post(`${ws()}/webhooks`)
      .set('X-Api-Key', a.apiKey)
      .send({
        name: 'RT hook',
        url: 'https://example.com/hooks/rt',
        webhookEvent: 'NEW_PROJECT',
        triggerSourceType: 'WORKSPACE_ID',
        triggerSource: [a.workspace.id],
      })
      .expect(201);
    const path = `${ws()}/webhooks/${created.body.id}`;
    const { after } = await roundTrip(
      path,
      { name: 'RT hook edited' },
      { id: MISSING_ID, userId: memberId, workspaceId: other.workspace.id, authToken: 'forged' },
    );
    await rejectsTypo(path, after);
  });

  it('user groups: PUT a listed group back (id, workspaceId, userIds ignored)', async () => {
    const created = await request(t.http)
      .post(`${ws()}/user-groups`)
      .set('X-Api-Key', a.apiKey)
      .send({ name: 'RT group' })
      .expect(201);
    const res = await put(`${ws()}/user-groups/${created.body.id}`, {
      ...created.body,
      name: 'RT group edited',
      id: MISSING_ID,
      workspaceId: other.workspace.id,
      userIds: [memberId],
    });
    expect(res.status === 200 ? 200 : res.body).toBe(200);
    expect(res.body).toMatchObject({
      id: created.body.id,
      name: 'RT group edited',
      workspaceId: a.workspace.id,
      userIds: [],
    });
    await put(`${ws()}/user-groups/${created.body.id}`, { ...res.body, nmae: 'typo' }).expect(400);
  });
});
