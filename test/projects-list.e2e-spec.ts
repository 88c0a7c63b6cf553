import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, Owner } from './factories';
import { addProjectMember, insertClient, insertProject, insertUserGroup, seedManyProjects } from './factories/projects';
import { resetEnvCache } from '../src/config/env.validation';
import { startTestApp, TestApp } from './utils/test-app';

describe('Projects: GET list (filters, visibility, query count)', () => {
  let t: TestApp;
  let a: Owner;
  let member: Account;
  let ids: Record<string, string>;
  let acme: string;
  let globex: string;
  const list = (key: string, query = '') =>
    request(t.http).get(`/v1/workspaces/${a.workspace.id}/projects${query}`).set('X-Api-Key', key);
  const names = (body: { name: string }[]) => body.map((p) => p.name);

  beforeAll(async () => {
    // No webhook delivery loop in this app: the query-count test counts only the request's own SQL.
    process.env.WEBHOOK_WORKER = 'false';
    resetEnvCache();
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    member = await createMember(t.app, a.workspace.id, { name: 'Mia' });
    const inactive = await createMember(t.app, a.workspace.id, { name: 'Ina', status: 'INACTIVE' });
    acme = await insertClient(t.app, a.workspace.id, 'Acme');
    globex = await insertClient(t.app, a.workspace.id, 'Globex', true);
    ids = {
      alpha: await insertProject(t.app, a.workspace.id, { name: 'Alpha', clientId: acme }),
      beta: await insertProject(t.app, a.workspace.id, { name: 'Beta', isPublic: false, billable: false }),
      gamma: await insertProject(t.app, a.workspace.id, { name: 'Gamma', archived: true, clientId: globex }),
      delta: await insertProject(t.app, a.workspace.id, { name: 'Delta', isPublic: false, isTemplate: true }),
      alphabet: await insertProject(t.app, a.workspace.id, { name: 'Alphabet soup', isPublic: false }),
    };
    await addProjectMember(t.app, a.workspace.id, ids.beta, member.user.id);
    await addProjectMember(t.app, a.workspace.id, ids.gamma, inactive.user.id);
    const group = await insertUserGroup(t.app, a.workspace.id, 'Group', [member.user.id]);
    await t.app
      .get(DataSource)
      .query('INSERT INTO project_members (workspace_id, project_id, user_group_id) VALUES ($1, $2, $3)', [
        a.workspace.id,
        ids.delta,
        group,
      ]);
    ids.group = group;
  });
  afterAll(async () => {
    await t.app.close();
    delete process.env.WEBHOOK_WORKER;
    resetEnvCache();
  });

  it('answers 401 without credentials and 400 for bad filters', async () => {
    await request(t.http).get(`/v1/workspaces/${a.workspace.id}/projects`).expect(401);
    for (const q of [
      '?archived=maybe',
      '?sort-column=COLOR',
      '?clients=bad',
      '?page=0',
      '?page-size=1001',
      '?access=SECRET',
      '?expense-date=2024/01/01',
    ]) {
      const res = await list(a.apiKey, q);
      expect([q, res.status]).toEqual([q, 400]);
    }
  });

  it('lists every project for an admin, sorted by name, with the page headers', async () => {
    const res = await list(a.apiKey).expect(200);
    expect(names(res.body)).toEqual(['Alpha', 'Alphabet soup', 'Beta', 'Delta', 'Gamma']);
    expect(res.headers['x-total-count']).toBe('5');
    const page = await list(a.apiKey, '?page=2&page-size=2').expect(200);
    expect(names(page.body)).toEqual(['Beta', 'Delta']);
    expect(page.headers).toMatchObject({
      'x-total-count': '5',
      'x-page': '2',
      'x-page-size': '2',
      'last-page': 'false',
    });
    const beyond = await list(a.apiKey, '?page=9&page-size=2').expect(200);
    expect(beyond.body).toEqual([]);
    expect(beyond.headers['x-total-count']).toBe('5');
  });

  it('shows a plain member public projects and the private ones they are on (directly or through a group)', async () => {
    const res = await list(member.apiKey).expect(200);
    expect(names(res.body)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
  });

  it('filters by name, archived, billable, template, access', async () => {
    expect(names((await list(a.apiKey, '?name=alpha')).body)).toEqual(['Alpha', 'Alphabet soup']);
    expect(names((await list(a.apiKey, '?name=alpha&strict-name-search=true')).body)).toEqual(['Alpha']);
    expect(names((await list(a.apiKey, '?archived=true')).body)).toEqual(['Gamma']);
    expect(names((await list(a.apiKey, '?archived=false')).body)).toHaveLength(4);
    expect(names((await list(a.apiKey, '?billable=false')).body)).toEqual(['Beta']);
    expect(names((await list(a.apiKey, '?is-template=true')).body)).toEqual(['Delta']);
    expect(names((await list(a.apiKey, '?access=PUBLIC')).body)).toEqual(['Alpha', 'Gamma']);
    expect(names((await list(a.apiKey, '?access=PRIVATE')).body)).toEqual(['Alphabet soup', 'Beta', 'Delta']);
  });

  it('filters by clients and client status', async () => {
    expect(names((await list(a.apiKey, `?clients=${acme},${globex}`)).body)).toEqual(['Alpha', 'Gamma']);
    expect(names((await list(a.apiKey, `?clients=${acme}&contains-client=false`)).body)).toEqual([
      'Alphabet soup',
      'Beta',
      'Delta',
      'Gamma',
    ]);
    expect(names((await list(a.apiKey, '?client-status=ARCHIVED')).body)).toEqual(['Gamma']);
    expect(names((await list(a.apiKey, '?client-status=ACTIVE')).body)).toEqual([
      'Alpha',
      'Alphabet soup',
      'Beta',
      'Delta',
    ]);
  });

  it('filters by users (direct or through a group), user status and groups', async () => {
    expect(names((await list(a.apiKey, `?users=${member.user.id}`)).body)).toEqual(['Beta', 'Delta']);
    expect(names((await list(a.apiKey, `?users=${member.user.id}&contains-user=false`)).body)).toEqual([
      'Alpha',
      'Alphabet soup',
      'Gamma',
    ]);
    const all = await list(
      a.apiKey,
      `?users=${member.user.id}&users=${await memberOf(ids.gamma)}&user-status=INACTIVE`,
    );
    expect(names(all.body)).toEqual(['Gamma']);
    expect(names((await list(a.apiKey, `?userGroups=${ids.group}`)).body)).toEqual(['Delta']);
    expect(names((await list(a.apiKey, `?userGroups=${ids.group}&contains-group=false`)).body)).toHaveLength(4);
  });

  it('sorts by the reference columns', async () => {
    expect(names((await list(a.apiKey, '?sort-column=NAME&sort-order=DESCENDING')).body)).toEqual([
      'Gamma',
      'Delta',
      'Beta',
      'Alphabet soup',
      'Alpha',
    ]);
    expect(names((await list(a.apiKey, '?sort-column=CLIENT_NAME')).body)).toEqual([
      'Alphabet soup',
      'Beta',
      'Delta',
      'Alpha',
      'Gamma',
    ]);
    const byId = await list(a.apiKey, '?sort-column=ID').expect(200);
    expect(byId.body.map((p: { id: string }) => p.id)).toEqual([...byId.body.map((p: { id: string }) => p.id)].sort());
    await list(a.apiKey, '?sort-column=BUDGET&sort-order=DESCENDING').expect(200);
  });

  it('documents the operations with the reference ids and query names in /docs-json', async () => {
    const doc = await request(t.http).get('/docs-json').expect(200);
    const path = doc.body.paths['/v1/workspaces/{workspaceId}/projects'];
    expect(path.get.operationId).toBe('getProjects');
    expect(path.get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['sort-column', 'page-size', 'contains-client', 'hydrated']),
    );
    const ops = Object.values(doc.body.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'createNewProject',
        'createProjectFromTemplate',
        'getProject',
        'updateProject',
        'deleteProject',
        'updateEstimate',
        'addUsersToProject',
        'updateMemberships',
        'updateIsProjectTemplate',
        'addUsersCostRate',
        'addUsersHourlyRate',
      ]),
    );
    expect(Object.keys(doc.body.components.schemas.ProjectDto.properties)).toEqual(
      expect.arrayContaining(['isPublic', 'template', 'memberships', 'timeEstimate']),
    );
  });

  async function memberOf(projectId: string): Promise<string> {
    const rows = await t.app
      .get(DataSource)
      .query('SELECT user_id FROM project_members WHERE project_id = $1 AND user_id IS NOT NULL', [projectId]);
    return rows[0].user_id;
  }

  it('lists 1,000 hydrated projects with members and tasks in a single-digit number of queries', async () => {
    const big = await createOwner(t.app, 'Big');
    const helpers = await Promise.all(
      [1, 2, 3].map((i) => createMember(t.app, big.workspace.id, { name: `Helper ${i}` })),
    );
    await seedManyProjects(t.app, big.workspace.id, 1000, [big.user.id, ...helpers.map((h) => h.user.id)], 3);
    const ds = t.app.get(DataSource);
    const logQuery = jest.spyOn(ds.logger, 'logQuery');
    try {
      const res = await request(t.http)
        .get(`/v1/workspaces/${big.workspace.id}/projects?hydrated=true&page-size=1000`)
        .set('X-Api-Key', big.apiKey)
        .expect(200);
      expect(res.body).toHaveLength(1000);
      expect(res.body[0].memberships).toHaveLength(4);
      expect(res.body[0].tasks).toHaveLength(3);
      expect(res.body[0].estimate).toEqual({ estimate: 'PT6H', type: 'AUTO' });
      const queries = logQuery.mock.calls.length;
      console.log(`hydrated list of 1000 projects: ${queries} SQL queries (auth and workspace guard included)`);
      expect(queries).toBeLessThan(10);
    } finally {
      logQuery.mockRestore();
    }
  });
});
