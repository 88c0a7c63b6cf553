import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { newId } from '../src/common/utils/ids';
import { Account, createMember, createOwner, installAddon, Owner } from './factories';
import { startTestApp, TestApp } from './utils/test-app';

type Doc = Record<string, unknown> & {
  id: string;
  documentType?: string;
  changeSequence?: string;
  auditMetadata?: { changeSequence: string };
};
type Kind = 'created' | 'updated' | 'deleted';

describe('Entity changes', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  const feed = (ws: string, kind: Kind) => `/v1/workspaces/${ws}/entities/${kind}`;

  /** Items of one response, whatever the endpoint's shape. */
  const itemsOf = (kind: Kind, body: unknown): Doc[] =>
    kind === 'deleted' ? (body as { response: Doc[] }).response : (body as Doc[]);

  /**
   * Waits until every transaction that wrote to the workspace's outbox is below the horizon. The horizon is
   * cluster-wide, so a transaction open elsewhere on the server (another suite's database) delays the feed a moment.
   */
  async function settled(owner: Owner): Promise<void> {
    const db = t.app.get(DataSource);
    for (let i = 0; i < 200; i++) {
      const [{ done }] = await db.query<{ done: boolean }[]>(
        `SELECT coalesce(max(tx_id) < pg_snapshot_xmin(pg_current_snapshot()), true) AS done FROM outbox WHERE workspace_id = $1`,
        [owner.workspace.id],
      );
      if (done) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('outbox rows did not settle');
  }

  async function read(owner: Owner, kind: Kind, query: Record<string, string | number>) {
    const res = await request(t.http)
      .get(feed(owner.workspace.id, kind))
      .set('X-Api-Key', owner.apiKey)
      .query(query)
      .expect(200);
    const cursor = res.headers['x-next-cursor'] as string;
    if (kind === 'deleted') expect(res.body.nextCursor).toBe(cursor);
    return { items: itemsOf(kind, res.body), cursor };
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
  });
  afterAll(() => t.app.close());

  describe('access and validation', () => {
    it('401 without credentials, 403 for a plain member and another workspace, 400 for bad parameters', async () => {
      const url = feed(a.workspace.id, 'created');
      await request(t.http).get(url).query({ type: 'CLIENTS' }).expect(401);
      await request(t.http).get(url).set('X-Api-Key', member.apiKey).query({ type: 'CLIENTS' }).expect(403);
      await request(t.http).get(url).set('X-Api-Key', b.apiKey).query({ type: 'CLIENTS' }).expect(403);
      await request(t.http)
        .get(feed('nope', 'created'))
        .set('X-Api-Key', a.apiKey)
        .query({ type: 'CLIENTS' })
        .expect(400);
      const bad = [
        {},
        { type: 'BOATS' },
        { type: 'CLIENTS', limit: 0 },
        { type: 'CLIENTS', limit: 1001 },
        { type: 'CLIENTS', cursor: 'bm9wZQ' },
        { type: 'CLIENTS', start: 'yesterday' },
      ];
      for (const query of bad) await request(t.http).get(url).set('X-Api-Key', a.apiKey).query(query).expect(400);
      await request(t.http)
        .get(url)
        .set('X-Api-Key', a.apiKey)
        .query({ type: 'CLIENTS', start: '2024-02-01T00:00:00Z', end: '2024-01-01T00:00:00Z' })
        .expect(400);
    });

    it('admins and add-ons read the feed: documents as the REST API returned them, with documentType and auditMetadata', async () => {
      const owner = await createOwner(t.app, 'Feed');
      const admin = await createMember(t.app, owner.workspace.id, { role: 'WORKSPACE_ADMIN' });
      const created = await request(t.http)
        .post(`/v1/workspaces/${owner.workspace.id}/clients`)
        .set('X-Api-Key', owner.apiKey)
        .send({ name: 'Feed client' })
        .expect(201);
      const addon = await installAddon(t.app, owner.workspace.id);
      await settled(owner);

      const byAdmin = await request(t.http)
        .get(feed(owner.workspace.id, 'created'))
        .set('X-Api-Key', admin.apiKey)
        .query({ type: 'CLIENTS' })
        .expect(200);
      expect(byAdmin.body).toEqual([
        {
          ...created.body,
          documentType: 'CLIENT',
          auditMetadata: {
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
            changeSequence: expect.stringMatching(/^\d+$/),
          },
        },
      ]);
      expect(byAdmin.headers['x-next-cursor']).toMatch(/^[A-Za-z0-9_-]+$/);
      const byAddon = await request(t.http)
        .get(feed(owner.workspace.id, 'created'))
        .set('X-Addon-Token', addon.token)
        .query({ type: ['CLIENTS', 'TAGS'] })
        .expect(200);
      expect(byAddon.body).toEqual(byAdmin.body);
      // Out of the date range: nothing; the other kinds: nothing yet.
      const old = await request(t.http)
        .get(feed(owner.workspace.id, 'created'))
        .set('X-Api-Key', admin.apiKey)
        .query({ type: 'CLIENTS', start: '2020-01-01T00:00:00Z', end: '2020-01-02T00:00:00Z' })
        .expect(200);
      expect(old.body).toEqual([]);
      expect((await read(owner, 'deleted', { type: 'CLIENTS' })).items).toEqual([]);

      await request(t.http)
        .put(`/v1/workspaces/${owner.workspace.id}/clients/${created.body.id}`)
        .set('X-Api-Key', owner.apiKey)
        .send({ archived: true })
        .expect(200);
      const deleted = await request(t.http)
        .delete(`/v1/workspaces/${owner.workspace.id}/clients/${created.body.id}`)
        .set('X-Api-Key', owner.apiKey)
        .expect(200);
      await settled(owner);
      const updates = await read(owner, 'updated', { type: 'CLIENT' });
      expect(updates.items).toEqual([
        expect.objectContaining({ id: created.body.id, archived: true, documentType: 'CLIENT' }),
      ]);
      const deletions = await read(owner, 'deleted', { type: 'CLIENTS' });
      expect(deletions.items).toEqual([
        {
          id: created.body.id,
          deletedAt: expect.any(String),
          document: deleted.body,
          documentCode: 'CLIENT',
          documentType: 'CLIENT',
          changeSequence: expect.any(String),
        },
      ]);
      // Other workspaces' changes never show.
      expect((await read(b, 'created', { type: 'CLIENTS' })).items.map((d) => d.id)).not.toContain(created.body.id);
    });
  });

  it('documents the feed, the cursor, rate limits and Idempotency-Key in /docs-json', async () => {
    const doc = (await request(t.http).get('/docs-json').expect(200)).body;
    const op = (path: string, method: string) => doc.paths[`/v1/workspaces/{workspaceId}${path}`][method];
    for (const kind of ['created', 'updated', 'deleted']) {
      const get = op(`/entities/${kind}`, 'get');
      expect(get.tags).toEqual(['Entity changes']);
      expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['type', 'start', 'end', 'page', 'limit', 'cursor']),
      );
      expect(get.responses['200'].headers['X-Next-Cursor']).toBeDefined();
      expect(Object.keys(get.responses['429'].headers)).toEqual([
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
      ]);
    }
    expect(op('/entities/created', 'get').operationId).toBe('getCreatedEntityInfo');
    expect(op('/entities/updated', 'get').operationId).toBe('getUpdatedEntityInfo');
    expect(op('/entities/deleted', 'get').operationId).toBe('getDeletedEntityInfo');
    expect(doc.components.schemas.PageableCollectionLogBinDocumentDto.properties).toHaveProperty('nextCursor');
    expect(op('/clients', 'post').parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(op('/clients', 'get').parameters.map((p: { name: string }) => p.name)).not.toContain('Idempotency-Key');
  });

  describe('cursor and out-of-order commits', () => {
    let pgA: Client;
    let pgB: Client;
    beforeEach(async () => {
      pgA = new Client({ connectionString: process.env.DATABASE_URL });
      pgB = new Client({ connectionString: process.env.DATABASE_URL });
      await Promise.all([pgA.connect(), pgB.connect()]);
    });
    afterEach(() => Promise.all([pgA.end(), pgB.end()]));

    const insertTag = async (db: Client, workspaceId: string): Promise<{ id: string; position: string }> => {
      const id = newId();
      const [row] = (
        await db.query<{ position: string }>(
          `INSERT INTO outbox (workspace_id, entity_type, entity_id, event, payload) VALUES ($1, 'TAG', $2, 'NEW_TAG', $3) RETURNING position::text`,
          [workspaceId, id, { id, name: `Tag ${id}`, archived: false, workspaceId }],
        )
      ).rows;
      return { id, position: row.position };
    };

    /** Reads with the cursor until `want` ids have arrived (other suites' transactions may hold the horizon back for a moment). */
    async function drain(owner: Owner, cursor: string, want: number): Promise<{ ids: string[]; cursor: string }> {
      const ids: string[] = [];
      for (let i = 0; i < 100 && ids.length < want; i++) {
        const page = await read(owner, 'created', { type: 'TAGS', limit: 1, cursor });
        ids.push(...page.items.map((d) => d.id));
        cursor = page.cursor;
        if (!page.items.length) await new Promise((r) => setTimeout(r, 20));
      }
      return { ids, cursor };
    }

    it('does not hand out a row of a transaction that committed before an older one; both arrive once the older commits', async () => {
      const owner = await createOwner(t.app, 'Order');
      const start = await read(owner, 'created', { type: 'TAGS' });
      expect(start.items).toEqual([]);

      await pgA.query('BEGIN');
      await pgB.query('BEGIN');
      const first = await insertTag(pgA, owner.workspace.id);
      const second = await insertTag(pgB, owner.workspace.id);
      expect(BigInt(second.position)).toBeGreaterThan(BigInt(first.position));
      await pgB.query('COMMIT');

      const early = await read(owner, 'created', { type: 'TAGS', cursor: start.cursor });
      expect(early.items).toEqual([]); // the second is committed, but the first (lower position) may still come
      expect((await read(owner, 'created', { type: 'TAGS' })).items).toEqual([]); // page mode is just as careful

      await pgA.query('COMMIT');
      const late = await drain(owner, early.cursor, 2);
      expect(late.ids).toEqual([first.id, second.id]);
      expect((await read(owner, 'created', { type: 'TAGS', cursor: late.cursor })).items).toEqual([]);
    });

    it('hands out a late row below the cursor when its transaction finishes after a newer one was read', async () => {
      const owner = await createOwner(t.app, 'Late');
      const start = await read(owner, 'created', { type: 'TAGS' });
      // B gets its transaction id first, A writes the lower position, B the higher one and commits while A is open.
      await pgB.query('BEGIN');
      await pgB.query('SELECT pg_current_xact_id()');
      await pgA.query('BEGIN');
      const lower = await insertTag(pgA, owner.workspace.id);
      const higher = await insertTag(pgB, owner.workspace.id);
      await pgB.query('COMMIT');

      const before = await read(owner, 'created', { type: 'TAGS', cursor: start.cursor });
      expect(before.items.map((d) => d.id)).not.toContain(lower.id);
      await pgA.query('COMMIT');
      const after = await drain(owner, before.cursor, 2 - before.items.length);
      const all = [...before.items.map((d) => d.id), ...after.ids];
      expect(all.sort()).toEqual([lower.id, higher.id].sort()); // each exactly once, nothing skipped
      expect((await read(owner, 'created', { type: 'TAGS', cursor: after.cursor })).items).toEqual([]);
    });
  });

  describe('sync client', () => {
    /** What a sync client keeps: the latest document per entity, tombstones for deletions, and one cursor per feed. */
    class Replica {
      readonly state = new Map<string, { seq: bigint; doc: Doc | null }>();
      readonly cursors: Partial<Record<Kind, string>> = {};

      constructor(private readonly owner: Owner) {}

      /** Reads every feed to its end, a few changes per page. */
      async sync(): Promise<void> {
        await settled(this.owner);
        for (const kind of ['created', 'updated', 'deleted'] as Kind[]) {
          for (;;) {
            const query: Record<string, string | number> = { type: 'CLIENTS,TAGS,PROJECTS', limit: 2 };
            const cursor = this.cursors[kind];
            if (cursor) query.cursor = cursor;
            else query.start = '2000-01-01T00:00:00Z';
            const page = await read(this.owner, kind, query);
            this.cursors[kind] = page.cursor;
            for (const item of page.items) this.apply(kind, item);
            if (!page.items.length) break;
          }
        }
      }

      /** Applies a change unless a newer one for the entity was applied already (the three feeds are read one after another). */
      private apply(kind: Kind, item: Doc): void {
        const type = item.documentType as string;
        const seq = BigInt(
          kind === 'deleted' ? (item.changeSequence as string) : (item.auditMetadata?.changeSequence as string),
        );
        const key = `${type}:${item.id}`;
        const known = this.state.get(key);
        if (known && known.seq >= seq) return;
        const { documentType: _t, auditMetadata: _m, ...doc } = item;
        // An update carries the resource as its update endpoint returns it, which may have fewer fields than the
        // list (PUT client has no currencyCode, as the reference): merge it over what the client knows.
        this.state.set(key, { seq, doc: kind === 'deleted' ? null : ({ ...(known?.doc ?? {}), ...doc } as Doc) });
      }

      live(type: string): Doc[] {
        return [...this.state.entries()]
          .filter(([key, v]) => key.startsWith(`${type}:`) && v.doc)
          .map(([, v]) => v.doc as Doc)
          .sort((x, y) => x.id.localeCompare(y.id));
      }
    }

    it('interleaving creates, updates and deletes with paging through the cursors, the client rebuilds the server state', async () => {
      const owner = await createOwner(t.app, 'Sync');
      const ws = `/v1/workspaces/${owner.workspace.id}`;
      const api = {
        post: (path: string, body: object) =>
          request(t.http).post(`${ws}/${path}`).set('X-Api-Key', owner.apiKey).send(body).expect(201),
        put: (path: string, body: object) =>
          request(t.http).put(`${ws}/${path}`).set('X-Api-Key', owner.apiKey).send(body).expect(200),
        del: (path: string) => request(t.http).delete(`${ws}/${path}`).set('X-Api-Key', owner.apiKey).expect(200),
      };
      const replica = new Replica(owner);
      await replica.sync();

      const clients: string[] = [];
      const tags: string[] = [];
      const projects: string[] = [];
      for (let i = 0; i < 5; i++) {
        clients.push((await api.post('clients', { name: `Client ${i}` })).body.id);
        tags.push((await api.post('tags', { name: `Tag ${i}` })).body.id);
        projects.push((await api.post('projects', { name: `Project ${i}` })).body.id);
      }
      await replica.sync();
      await api.put(`clients/${clients[0]}`, { name: 'Client zero', note: 'renamed' });
      await api.put(`tags/${tags[1]}`, { name: 'Tag one' });
      await api.put(`clients/${clients[2]}`, { archived: true });
      await api.del(`clients/${clients[2]}`);
      await replica.sync();
      await api.put(`projects/${projects[1]}`, { name: 'Project one', archived: true });
      await api.del(`projects/${projects[1]}`);
      await api.put(`tags/${tags[3]}`, { archived: true });
      clients.push((await api.post('clients', { name: 'Late client' })).body.id);
      await api.put(`tags/${tags[4]}`, { name: 'Tag four' });
      await api.del(`tags/${tags[4]}`);
      await api.put(`projects/${projects[0]}`, { name: 'Project zero', color: '#FF0000' });
      await replica.sync();
      await api.put(`clients/${clients[0]}`, { name: 'Client 0 again' });
      await replica.sync();

      const list = async (path: string, query: object = {}) =>
        (
          await request(t.http)
            .get(`${ws}/${path}`)
            .set('X-Api-Key', owner.apiKey)
            .query({ 'page-size': 1000, ...query })
            .expect(200)
        ).body as Doc[];
      const sorted = (docs: Doc[]) => [...docs].sort((x, y) => x.id.localeCompare(y.id));
      expect(replica.live('CLIENT')).toEqual(sorted(await list('clients')));
      expect(replica.live('TAG')).toEqual(
        sorted([...(await list('tags', { archived: false })), ...(await list('tags', { archived: true }))]),
      );
      const serverProjects = sorted(await list('projects'));
      expect(replica.live('PROJECT').map((p) => [p.id, p.name, p.archived, p.color])).toEqual(
        serverProjects.map((p) => [p.id, p.name, p.archived, p.color]),
      );
      expect(replica.live('CLIENT')).toHaveLength(5);
      expect(replica.live('TAG')).toHaveLength(4);
      expect(replica.live('PROJECT')).toHaveLength(4);
    });
  });
});
