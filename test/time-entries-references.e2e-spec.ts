import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, Owner } from './factories';
import { EntryResponse, teProject, teProjectMember, teRate, teSetting, teTag } from './factories/time-entries';
import { TimeEntryReferencesStore } from '../src/modules/time-entries/time-entry-references.store';
import { startTestApp, TestApp } from './utils/test-app';

/**
 * A create judges the references an earlier create of the same ids read (user, project, task, tags, settings,
 * rates) and its write checks them in the same statement. These change the database behind the app's back, as
 * another instance would, between two creates of the same ids: the second always sees the change.
 */
describe('Time entries: a create never judges stale references', () => {
  let t: TestApp;
  let ws: Owner;
  let member: Account;
  let project: string;
  let tag: string;
  let minute = 0;
  const sql = (text: string, params: unknown[]) => t.app.get(DataSource).query(text, params);
  /** A new hour each call (same ids), so entries never collide. */
  const create = (over: Record<string, unknown> = {}) => {
    const start = new Date(Date.UTC(2024, 9, 1, 8) + 3600_000 * minute++);
    return request(t.http)
      .post(`/v1/workspaces/${ws.workspace.id}/time-entries`)
      .set('X-Api-Key', member.apiKey)
      .send({
        start: start.toISOString(),
        end: new Date(start.getTime() + 1800_000).toISOString(),
        projectId: project,
        tagIds: [tag],
        description: 'same ids',
        ...over,
      });
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.app.close());
  beforeEach(async () => {
    ws = await createOwner(t.app, 'References');
    member = await createMember(t.app, ws.workspace.id);
    project = await teProject(t.app, ws.workspace.id, { billable: true });
    tag = await teTag(t.app, ws.workspace.id);
    minute = 0;
  });

  it('a repeat create of the same ids reads no references: its write checks the remembered ones', async () => {
    await teRate(t.app, ws.workspace.id, 'HOURLY', 5000);
    await teRate(t.app, ws.workspace.id, 'COST', 3000);
    await teRate(t.app, ws.workspace.id, 'HOURLY', 6000, { userId: member.user.id });
    await create().expect(201);
    const reads = jest.spyOn(TimeEntryReferencesStore, 'references');
    try {
      for (let i = 0; i < 3; i++) await create().expect(201);
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM time_entries WHERE workspace_id = $1 AND hourly_rate = 6000`,
      [ws.workspace.id],
    );
    expect(n).toBe(4);
  });

  it('after a change, the create that reads the references again is remembered: the next one reads none', async () => {
    await create().expect(201);
    await teRate(t.app, ws.workspace.id, 'HOURLY', 4200, { userId: member.user.id });
    const reads = jest.spyOn(TimeEntryReferencesStore, 'references');
    try {
      await create().expect(201); // the remembered row is stale: its write refuses, the row is read again
      expect(reads).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 3; i++) await create().expect(201);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM time_entries WHERE workspace_id = $1 AND hourly_rate = 4200`,
      [ws.workspace.id],
    );
    expect(n).toBe(4);
  });

  it("a rate added since is the new entry's rate (no version bump needed)", async () => {
    const rateOf = async (res: request.Response) =>
      (
        await sql(`SELECT hourly_rate::int AS rate FROM time_entries WHERE workspace_id = $1 AND id = $2`, [
          ws.workspace.id,
          (res.body as EntryResponse).id,
        ])
      )[0].rate as number | null;
    expect(await rateOf(await create().expect(201))).toBeNull();
    await teRate(t.app, ws.workspace.id, 'HOURLY', 4200, { userId: member.user.id });
    expect(await rateOf(await create().expect(201))).toBe(4200);
    await teRate(t.app, ws.workspace.id, 'HOURLY', 5100, { projectId: project });
    expect(await rateOf(await create().expect(201))).toBe(5100);
  });

  it("the project's billable changed since is the new entry's default", async () => {
    expect((await create().expect(201)).body.billable).toBe(true);
    await sql(`UPDATE projects SET billable = false WHERE workspace_id = $1 AND id = $2`, [ws.workspace.id, project]);
    expect((await create().expect(201)).body.billable).toBe(false);
  });

  it('a lock date or a required field set since refuses the create (400)', async () => {
    await create().expect(201);
    await teSetting(t.app, ws.workspace.id, 'lockTimeEntries', '2030-01-01T00:00:00Z');
    expect((await create().expect(400)).body.message).toContain('lockTimeEntries');
    await teSetting(t.app, ws.workspace.id, 'lockTimeEntries', null);
    await create({ description: '' }).expect(201);
    await teSetting(t.app, ws.workspace.id, 'forceDescription', true);
    expect((await create({ description: '' }).expect(400)).body.message).toContain('forceDescription');
  });

  it('a project made private since is 404; added to it since, the member may create again', async () => {
    await create().expect(201);
    await sql(`UPDATE projects SET is_public = false WHERE workspace_id = $1 AND id = $2`, [ws.workspace.id, project]);
    await create().expect(404);
    await teProjectMember(t.app, ws.workspace.id, project, member.user.id);
    await create().expect(201);
  });

  it('a tag removed since is 404, and nothing is written', async () => {
    await create().expect(201);
    await sql(`DELETE FROM time_entry_tags WHERE workspace_id = $1 AND tag_id = $2`, [ws.workspace.id, tag]);
    await sql(`DELETE FROM tags WHERE workspace_id = $1 AND id = $2`, [ws.workspace.id, tag]);
    await create().expect(404);
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM time_entries WHERE workspace_id = $1`, [ws.workspace.id]);
    expect(n).toBe(1);
  });
});
