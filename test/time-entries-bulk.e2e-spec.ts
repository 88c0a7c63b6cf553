import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, MISSING_ID, Owner } from './factories';
import { EntryResponse, teCreate, teEvents, teProject, teTag } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

describe('Time entries: bulk edit, bulk delete, duplicate, invoiced', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let admin: Account;
  let project: string;
  let tag: string;
  const url = (ws: string, userId: string) => `/v1/workspaces/${ws}/user/${userId}/time-entries`;
  const entry = (day: number, extra: object = {}, key = member.apiKey, ws = a.workspace.id): Promise<EntryResponse> =>
    teCreate(t.http, ws, key, {
      start: `2024-07-${String(day).padStart(2, '0')}T09:00:00Z`,
      end: `2024-07-${String(day).padStart(2, '0')}T10:00:00Z`,
      ...extra,
    });
  const descriptions = async (ids: string[]): Promise<string[]> => {
    const rows: { description: string }[] = await t.app
      .get(DataSource)
      .query('SELECT description FROM time_entries WHERE id = ANY($1) ORDER BY id', [ids]);
    return rows.map((r) => r.description);
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    other = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
    project = await teProject(t.app, a.workspace.id);
    tag = await teTag(t.app, a.workspace.id);
  });
  afterAll(() => t.app.close());

  describe('PUT /user/{userId}/time-entries', () => {
    it('401, 400 for bad bodies, 403 for another member', async () => {
      const e = await entry(1);
      await request(t.http)
        .put(url(a.workspace.id, member.user.id))
        .send([{ id: e.id }])
        .expect(401);
      for (const body of [
        [],
        {},
        [{ description: 'no id' }],
        [{ id: e.id, end: 'later' }],
        [{ id: e.id, color: 'red' }],
        [{ id: e.id }, { id: e.id }],
      ]) {
        const r = await request(t.http)
          .put(url(a.workspace.id, member.user.id))
          .set('X-Api-Key', member.apiKey)
          .send(body);
        expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400]);
      }
      await request(t.http)
        .put(url(a.workspace.id, member.user.id))
        .set('X-Api-Key', other.apiKey)
        .send([{ id: e.id, description: 'x' }])
        .expect(403);
    });

    it('changes only the fields sent, in one transaction, with TIME_ENTRY_UPDATED each', async () => {
      const e1 = await entry(2, { description: 'one', projectId: project });
      const e2 = await entry(3, { description: 'two', tagIds: [tag] });
      const res = await request(t.http)
        .put(url(a.workspace.id, member.user.id))
        .query({ hydrated: true })
        .set('X-Api-Key', member.apiKey)
        .send([
          { id: e1.id, description: 'one!' },
          { id: e2.id, end: '2024-07-03T12:00:00Z', tagIds: [] },
        ])
        .expect(200);
      expect(res.body[0]).toMatchObject({
        id: e1.id,
        description: 'one!',
        projectId: project,
        project: { id: project },
      });
      expect(res.body[1]).toMatchObject({
        id: e2.id,
        description: 'two',
        tagIds: [],
        timeInterval: { duration: 'PT3H' },
      });
      expect(await teEvents(t.app, e1.id)).toEqual(['NEW_TIME_ENTRY', 'TIME_ENTRY_UPDATED']);
    });

    it("one foreign, missing or other user's id, or one invalid item: 4xx and nothing changes", async () => {
      const e1 = await entry(4, { description: 'keep' });
      const e2 = await entry(5, { description: 'keep' });
      const foreign = await entry(5, {}, b.apiKey, b.workspace.id);
      const others = await entry(6, {}, other.apiKey);
      const send = (items: object[]) =>
        request(t.http).put(url(a.workspace.id, member.user.id)).set('X-Api-Key', member.apiKey).send(items);
      await send([
        { id: e1.id, description: 'changed' },
        { id: foreign.id, description: 'changed' },
      ]).expect(404);
      await send([
        { id: e1.id, description: 'changed' },
        { id: MISSING_ID, description: 'changed' },
      ]).expect(404);
      await send([
        { id: e1.id, description: 'changed' },
        { id: others.id, description: 'changed' },
      ]).expect(404);
      await send([
        { id: e1.id, description: 'changed' },
        { id: e2.id, end: '2024-07-05T08:00:00Z' },
      ]).expect(400);
      await send([
        { id: e1.id, description: 'changed' },
        { id: e2.id, projectId: MISSING_ID },
      ]).expect(404);
      expect(await descriptions([e1.id, e2.id])).toEqual(['keep', 'keep']);
      expect(await teEvents(t.app, e1.id)).toEqual(['NEW_TIME_ENTRY']);
    });
  });

  describe('DELETE /user/{userId}/time-entries', () => {
    it('401, 400 missing or malformed ids, 403 another member; one foreign id deletes nothing', async () => {
      const e1 = await entry(7);
      const foreign = await entry(7, {}, b.apiKey, b.workspace.id);
      const del = (ids: string, key = member.apiKey) =>
        request(t.http)
          .delete(url(a.workspace.id, member.user.id))
          .query({ 'time-entry-ids': ids })
          .set('X-Api-Key', key);
      await request(t.http).delete(url(a.workspace.id, member.user.id)).query({ 'time-entry-ids': e1.id }).expect(401);
      await request(t.http).delete(url(a.workspace.id, member.user.id)).set('X-Api-Key', member.apiKey).expect(400);
      await del('nope').expect(400);
      await del(e1.id, other.apiKey).expect(403);
      // Another member is 403 whatever the ids: none, empty, or entries of that user.
      await request(t.http).delete(url(a.workspace.id, member.user.id)).set('X-Api-Key', other.apiKey).expect(403);
      await del('', other.apiKey).expect(403);
      await del(`${e1.id},${e1.id}`, other.apiKey).expect(403);
      await request(t.http)
        .delete(url(a.workspace.id, a.user.id))
        .query({ 'time-entry-ids': e1.id })
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await del('').expect(400);
      await del(`${e1.id},${foreign.id}`).expect(404);
      expect(await descriptions([e1.id])).toHaveLength(1);
    });

    it('deletes all listed entries and answers them (200), with TIME_ENTRY_DELETED each', async () => {
      const e1 = await entry(8, { description: 'a' });
      const e2 = await entry(9, { description: 'b' });
      const res = await request(t.http)
        .delete(url(a.workspace.id, member.user.id))
        .query({ 'time-entry-ids': `${e1.id},${e2.id}` })
        .set('X-Api-Key', admin.apiKey)
        .expect(200);
      expect(res.body.map((e: { id: string; description: string }) => [e.id, e.description])).toEqual([
        [e1.id, 'a'],
        [e2.id, 'b'],
      ]);
      expect(await descriptions([e1.id, e2.id])).toEqual([]);
      expect(await teEvents(t.app, e2.id)).toEqual(['NEW_TIME_ENTRY', 'TIME_ENTRY_DELETED']);
    });
  });

  describe('POST /user/{userId}/time-entries/{id}/duplicate', () => {
    it('401, 400, 403, 404 (another workspace or another user); 201 with a copy and NEW_TIME_ENTRY', async () => {
      const e = await entry(10, { description: 'dup me', projectId: project, tagIds: [tag] });
      const dup = (userId: string, id: string, key = member.apiKey, ws = a.workspace.id) =>
        request(t.http)
          .post(`${url(ws, userId)}/${id}/duplicate`)
          .set('X-Api-Key', key);
      await request(t.http)
        .post(`${url(a.workspace.id, member.user.id)}/${e.id}/duplicate`)
        .expect(401);
      await dup(member.user.id, 'bad').expect(400);
      await dup(member.user.id, e.id, other.apiKey).expect(403);
      await dup(b.user.id, e.id, b.apiKey, b.workspace.id).expect(404);
      await dup(other.user.id, e.id, a.apiKey).expect(404);
      const res = await dup(member.user.id, e.id).expect(201);
      expect(res.body.id).not.toBe(e.id);
      expect(res.body).toMatchObject({
        description: 'dup me',
        projectId: project,
        tagIds: [tag],
        userId: member.user.id,
        timeInterval: e.timeInterval,
      });
      expect(res.headers.etag).toBe(`"${res.body.id}-1"`);
      expect(await teEvents(t.app, res.body.id)).toEqual(['NEW_TIME_ENTRY']);
      const running = await teCreate(t.http, a.workspace.id, member.apiKey, { start: '2024-07-11T09:00:00Z' });
      await dup(member.user.id, running.id).expect(400);
    });
  });

  describe('PATCH /time-entries/invoiced', () => {
    const invoiced = (ws: string) => `/v1/workspaces/${ws}/time-entries/invoiced`;

    it('401, 403 for a member, 400 bad body, 404 with a foreign id (nothing changes); admins mark entries', async () => {
      const e1 = await entry(12);
      const e2 = await entry(13);
      const foreign = await entry(13, {}, b.apiKey, b.workspace.id);
      await request(t.http)
        .patch(invoiced(a.workspace.id))
        .send({ invoiced: true, timeEntryIds: [e1.id] })
        .expect(401);
      await request(t.http)
        .patch(invoiced(a.workspace.id))
        .set('X-Api-Key', member.apiKey)
        .send({ invoiced: true, timeEntryIds: [e1.id] })
        .expect(403);
      await request(t.http)
        .patch(invoiced(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ invoiced: true, timeEntryIds: [] })
        .expect(400);
      await request(t.http)
        .patch(invoiced(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ timeEntryIds: [e1.id] })
        .expect(400);
      await request(t.http)
        .patch(invoiced(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ invoiced: true, timeEntryIds: [e1.id, foreign.id] })
        .expect(404);
      const rows = () =>
        t.app
          .get(DataSource)
          .query('SELECT invoiced FROM time_entries WHERE id = ANY($1)', [[e1.id, e2.id]]) as Promise<
          { invoiced: boolean }[]
        >;
      expect((await rows()).map((r) => r.invoiced)).toEqual([false, false]);
      const res = await request(t.http)
        .patch(invoiced(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ invoiced: true, timeEntryIds: [e1.id, e2.id] })
        .expect(200);
      expect(res.text).toBe('');
      expect((await rows()).map((r) => r.invoiced)).toEqual([true, true]);
      expect(await teEvents(t.app, e1.id)).toEqual(['NEW_TIME_ENTRY', 'TIME_ENTRY_UPDATED']);
      // Invoiced entries are locked for members, not for admins.
      const put = (key: string) =>
        request(t.http)
          .put(`/v1/workspaces/${a.workspace.id}/time-entries/${e1.id}`)
          .set('X-Api-Key', key)
          .send({ start: '2024-07-12T09:00:00Z', end: '2024-07-12T11:00:00Z' });
      expect((await put(member.apiKey).expect(403)).body.message).toMatch(/invoiced/);
      await request(t.http)
        .delete(`/v1/workspaces/${a.workspace.id}/time-entries/${e1.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await put(admin.apiKey).expect(200);
    });
  });
});
