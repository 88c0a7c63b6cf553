import request from 'supertest';
import { Account, createMember, createOwner, grantRole, Owner } from './factories';
import { teCreate, teProject, teTag, teTask } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

describe('Time entries: GET /user/{userId}/time-entries', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let manager: Account;
  let project: string;
  let task: string;
  let tagA: string;
  let tagB: string;
  const ids: Record<string, string> = {};
  const url = (ws: string, userId: string) => `/v1/workspaces/${ws}/user/${userId}/time-entries`;
  const list = (query: Record<string, unknown>, key = member.apiKey) =>
    request(t.http).get(url(a.workspace.id, member.user.id)).set('X-Api-Key', key).query(query).expect(200);
  const idsOf = (body: { id: string }[]) => body.map((e) => e.id);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    other = await createMember(t.app, a.workspace.id);
    manager = await createMember(t.app, a.workspace.id);
    await grantRole(t.app, a.workspace.id, manager.user.id, 'TEAM_MANAGER', member.user.id);
    project = await teProject(t.app, a.workspace.id, { name: 'Apollo' });
    task = await teTask(t.app, a.workspace.id, project, 'Design');
    tagA = await teTag(t.app, a.workspace.id, 'alpha');
    tagB = await teTag(t.app, a.workspace.id, 'beta');
    const create = (body: object) => teCreate(t.http, a.workspace.id, member.apiKey, body);
    ids.jan = (
      await create({
        start: '2024-01-10T09:00:00Z',
        end: '2024-01-10T10:00:00Z',
        description: 'Team Meeting',
        projectId: project,
        taskId: task,
        tagIds: [tagA],
      })
    ).id;
    ids.feb = (
      await create({
        start: '2024-02-10T09:00:00Z',
        end: '2024-02-10T10:00:00Z',
        description: 'coding',
        projectId: project,
        tagIds: [tagB],
      })
    ).id;
    ids.feb2 = (
      await create({ start: '2024-02-10T09:00:00Z', end: '2024-02-10T09:30:00Z', description: 'meeting notes' })
    ).id;
    ids.mar = (
      await create({ start: '2024-03-10T09:00:00Z', end: '2024-03-10T10:00:00Z', description: '100%_done' })
    ).id;
    ids.run = (await create({ start: '2024-04-10T09:00:00Z', description: 'running' })).id;
    await teCreate(t.http, a.workspace.id, other.apiKey, {
      start: '2024-02-11T09:00:00Z',
      end: '2024-02-11T10:00:00Z',
    });
  });
  afterAll(() => t.app.close());

  it('401, 400 for bad ids and values, 403 for another member, 404 for a non-member user', async () => {
    await request(t.http).get(url(a.workspace.id, member.user.id)).expect(401);
    await request(t.http).get(url(a.workspace.id, 'nope')).set('X-Api-Key', a.apiKey).expect(400);
    for (const query of [
      { 'page-size': 5001 },
      { 'page-size': 0 },
      { page: 0 },
      { start: 'today' },
      { project: 'x' },
      { tags: 'x' },
      { hydrated: 'maybe' },
    ]) {
      await request(t.http)
        .get(url(a.workspace.id, member.user.id))
        .set('X-Api-Key', member.apiKey)
        .query(query)
        .expect(400);
    }
    await request(t.http)
      .get(url(a.workspace.id, member.user.id))
      .set('X-Api-Key', member.apiKey)
      .query({ 'page-size': 5000 })
      .expect(200);
    await request(t.http).get(url(a.workspace.id, member.user.id)).set('X-Api-Key', other.apiKey).expect(403);
    await request(t.http).get(url(a.workspace.id, b.user.id)).set('X-Api-Key', a.apiKey).expect(404);
    await request(t.http).get(url(b.workspace.id, member.user.id)).set('X-Api-Key', member.apiKey).expect(403);
  });

  it('sorted by start desc then id desc, with the page headers; admins and the manager may read it', async () => {
    const res = await list({});
    const feb = [ids.feb, ids.feb2].sort().reverse();
    expect(idsOf(res.body)).toEqual([ids.run, ids.mar, ...feb, ids.jan]);
    expect(res.headers['x-total-count']).toBe('5');
    expect(res.headers['last-page']).toBe('true');
    expect(idsOf((await list({}, a.apiKey)).body)).toHaveLength(5);
    expect(idsOf((await list({}, manager.apiKey)).body)).toHaveLength(5);
  });

  it('pages never repeat or skip an entry; past the end the total is still given', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await list({ page, 'page-size': 2 });
      expect(res.headers['x-total-count']).toBe('5');
      expect(res.headers['last-page']).toBe(String(page === 3));
      seen.push(...idsOf(res.body));
    }
    expect(new Set(seen).size).toBe(5);
    const past = await list({ page: 9, 'page-size': 2 });
    expect(past.body).toEqual([]);
    expect(past.headers['x-total-count']).toBe('5');
  });

  it('filters: description, start/end, project, task, tags, project-required, task-required, in-progress, get-week-before', async () => {
    expect(idsOf((await list({ description: 'MEETING' })).body).sort()).toEqual([ids.jan, ids.feb2].sort());
    expect(idsOf((await list({ description: '%_' })).body)).toEqual([ids.mar]);
    expect(idsOf((await list({ start: '2024-02-01T00:00:00Z', end: '2024-03-31T00:00:00Z' })).body).sort()).toEqual(
      [ids.feb, ids.feb2, ids.mar].sort(),
    );
    expect(idsOf((await list({ project })).body)).toEqual([ids.feb, ids.jan]);
    expect(idsOf((await list({ task })).body)).toEqual([ids.jan]);
    expect(idsOf((await list({ tags: `${tagA},${tagB}` })).body)).toEqual([ids.feb, ids.jan]);
    expect(
      idsOf(
        (
          await request(t.http)
            .get(`${url(a.workspace.id, member.user.id)}?tags=${tagB}&tags=${tagA}`)
            .set('X-Api-Key', member.apiKey)
            .expect(200)
        ).body,
      ),
    ).toEqual([ids.feb, ids.jan]);
    expect(idsOf((await list({ 'project-required': true })).body)).toEqual([ids.feb, ids.jan]);
    expect(idsOf((await list({ 'task-required': true })).body)).toEqual([ids.jan]);
    expect(idsOf((await list({ 'in-progress': true })).body)).toEqual([ids.run]);
    expect(idsOf((await list({ 'in-progress': false })).body)).toHaveLength(4);
    expect(idsOf((await list({ 'get-week-before': '2024-02-15T00:00:00Z' })).body)).toEqual([ids.feb]);
  });

  it('hydrated=true adds project, task, tags and user objects for the whole page', async () => {
    const res = await list({ hydrated: true, project });
    const jan = res.body.find((e: { id: string }) => e.id === ids.jan);
    expect(jan).toMatchObject({
      project: { id: project, name: 'Apollo' },
      task: { id: task, name: 'Design' },
      tags: [{ id: tagA, name: 'alpha' }],
      user: { id: member.user.id },
      timeInterval: { duration: 'PT1H' },
    });
    const feb = res.body.find((e: { id: string }) => e.id === ids.feb);
    expect(feb.task).toBeNull();
  });
});
