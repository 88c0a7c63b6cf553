import request from 'supertest';
import { Account, createMember, createOwner, grantRole, installAddon, MISSING_ID, Owner } from './factories';
import {
  insertProject,
  insertProjectMember,
  insertUserCustomField,
  insertUserGroup,
  outboxEvents,
  setMemberRate,
} from './factories/users';
import { startTestApp, TestApp } from './utils/test-app';

describe('User: workspace users, profiles, managers, roles', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let admin: Account;
  let zoe: Account;
  let adam: Account;
  let pending: Account;
  let bMember: Account;
  const usersUrl = () => `/v1/workspaces/${a.workspace.id}/users`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Olga Owner');
    b = await createOwner(t.app, 'Bob');
    admin = await createMember(t.app, a.workspace.id, { name: 'Carl Admin', role: 'WORKSPACE_ADMIN' });
    zoe = await createMember(t.app, a.workspace.id, { name: 'Zoe Zed' });
    adam = await createMember(t.app, a.workspace.id, { name: 'adam apple' });
    pending = await createMember(t.app, a.workspace.id, { name: 'Pat Pending', status: 'PENDING' });
    bMember = await createMember(t.app, b.workspace.id, { name: 'Bea' });
    await setMemberRate(t.app, a.workspace.id, zoe.user.id, 'HOURLY', 9000);
    await setMemberRate(t.app, a.workspace.id, adam.user.id, 'HOURLY', 1000);
    await setMemberRate(t.app, a.workspace.id, zoe.user.id, 'COST', 4000);
  });
  afterAll(() => t.app.close());

  const ids = (body: { id: string }[]) => body.map((u) => u.id);
  const allIds = () => [a.user.id, admin.user.id, zoe.user.id, adam.user.id, pending.user.id];

  describe('GET /v1/workspaces/{workspaceId}/users', () => {
    it('401 without credentials, 403 for a stranger, 400 for a malformed workspace id', async () => {
      await request(t.http).get(usersUrl()).expect(401);
      await request(t.http).get(usersUrl()).set('X-Api-Key', bMember.apiKey).expect(403);
      await request(t.http).get('/v1/workspaces/zzz/users').set('X-Api-Key', a.apiKey).expect(400);
    });

    it('lists every member sorted by email with paging headers', async () => {
      const res = await request(t.http).get(usersUrl()).set('X-Api-Key', zoe.apiKey).expect(200);
      expect(res.body).toHaveLength(5);
      expect(ids(res.body).sort()).toEqual(allIds().sort());
      const emails = res.body.map((u: { email: string }) => u.email);
      expect(emails).toEqual([...emails].sort());
      expect(res.headers['x-total-count']).toBe('5');
      expect(res.headers['x-page']).toBe('1');
      expect(res.headers['x-page-size']).toBe('50');
      expect(res.headers['last-page']).toBe('true');
      expect(res.body[0]).toEqual(
        expect.objectContaining({
          status: 'ACTIVE',
          memberships: [],
          customFields: [],
          settings: expect.objectContaining({ weekStart: 'MONDAY' }),
        }),
      );
      expect(res.body[0].roles).toBeUndefined();
    });

    it('pages: page 2 of size 2, and an empty page past the end keeps the total', async () => {
      const first = await request(t.http)
        .get(usersUrl())
        .query({ 'sort-column': 'ID', page: 1, 'page-size': 2 })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      const second = await request(t.http)
        .get(usersUrl())
        .query({ 'sort-column': 'ID', page: 2, 'page-size': 2 })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(ids([...first.body, ...second.body])).toEqual(allIds().sort().slice(0, 4));
      expect(second.headers['last-page']).toBe('false');
      const past = await request(t.http)
        .get(usersUrl())
        .query({ page: 9, 'page-size': 2 })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(past.body).toEqual([]);
      expect(past.headers['x-total-count']).toBe('5');
    });

    it('filters by name and email (contains, case-insensitive) and by membership status', async () => {
      const byName = await request(t.http)
        .get(usersUrl())
        .query({ name: 'ZED' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(ids(byName.body)).toEqual([zoe.user.id]);
      const local = zoe.user.email.split('@')[0].toUpperCase();
      const byEmail = await request(t.http)
        .get(usersUrl())
        .query({ email: local })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(ids(byEmail.body)).toEqual([zoe.user.id]);
      const percent = await request(t.http).get(usersUrl()).query({ name: '%' }).set('X-Api-Key', a.apiKey).expect(200);
      expect(percent.body).toEqual([]);
      const pend = await request(t.http)
        .get(usersUrl())
        .query({ status: 'PENDING' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(ids(pend.body)).toEqual([pending.user.id]);
      const active = await request(t.http)
        .get(usersUrl())
        .query({ status: 'ACTIVE' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(active.body).toHaveLength(4);
      const limited = await request(t.http)
        .get(usersUrl())
        .query({ 'account-statuses': 'LIMITED' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(limited.body).toEqual([]);
      const both = await request(t.http)
        .get(usersUrl())
        .query({ 'account-statuses': 'LIMITED,ACTIVE' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(both.body).toHaveLength(5);
    });

    it('sorts by name, lowercase name, access and rates in both orders', async () => {
      const get = async (query: Record<string, string>, key = a.apiKey) =>
        ids((await request(t.http).get(usersUrl()).query(query).set('X-Api-Key', key).expect(200)).body);
      expect(await get({ 'sort-column': 'NAME' })).toEqual([
        admin.user.id,
        a.user.id,
        pending.user.id,
        zoe.user.id,
        adam.user.id,
      ]);
      expect(await get({ 'sort-column': 'NAME_LOWERCASE' })).toEqual([
        adam.user.id,
        admin.user.id,
        a.user.id,
        pending.user.id,
        zoe.user.id,
      ]);
      expect(await get({ 'sort-column': 'NAME_LOWERCASE', 'sort-order': 'DESCENDING' })).toEqual([
        zoe.user.id,
        pending.user.id,
        a.user.id,
        admin.user.id,
        adam.user.id,
      ]);
      expect((await get({ 'sort-column': 'ACCESS' })).slice(0, 2)).toEqual([a.user.id, admin.user.id]);
      expect((await get({ 'sort-column': 'HOURLYRATE', 'sort-order': 'DESCENDING' })).slice(0, 2)).toEqual([
        zoe.user.id,
        adam.user.id,
      ]);
      expect((await get({ 'sort-column': 'COSTRATE', 'sort-order': 'DESCENDING' }))[0]).toBe(zoe.user.id);
      // A plain member cannot see rates, so a rate sort falls back to email (in the order asked for).
      const byEmailDesc = await get({ 'sort-column': 'EMAIL', 'sort-order': 'DESCENDING' }, adam.apiKey);
      expect(await get({ 'sort-column': 'HOURLYRATE', 'sort-order': 'DESCENDING' }, adam.apiKey)).toEqual(byEmailDesc);
      expect(await get({ 'sort-column': 'COSTRATE', 'sort-order': 'DESCENDING' }, adam.apiKey)).toEqual(byEmailDesc);
    });

    it('memberships=WORKSPACE shows rates to admins only; include-roles adds the roles', async () => {
      const asAdmin = await request(t.http)
        .get(usersUrl())
        .query({ name: 'zoe', memberships: 'WORKSPACE', 'include-roles': 'true' })
        .set('X-Api-Key', admin.apiKey)
        .expect(200);
      expect(asAdmin.body[0].memberships).toEqual([
        {
          userId: zoe.user.id,
          targetId: a.workspace.id,
          membershipType: 'WORKSPACE',
          membershipStatus: 'ACTIVE',
          hourlyRate: { amount: 9000, currency: 'USD' },
          costRate: { amount: 4000, currency: 'USD' },
        },
      ]);
      expect(asAdmin.body[0].roles).toEqual([]);
      const asMember = await request(t.http)
        .get(usersUrl())
        .query({ name: 'zoe', memberships: 'ALL' })
        .set('X-Api-Key', adam.apiKey)
        .expect(200);
      expect(asMember.body[0].memberships).toEqual([
        expect.objectContaining({ membershipType: 'WORKSPACE', hourlyRate: null, costRate: null }),
      ]);
      const owner = await request(t.http)
        .get(usersUrl())
        .query({ name: 'Olga', 'include-roles': true })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(owner.body[0].roles).toEqual([
        { role: { id: a.workspace.id, name: 'Owner', source: null }, userId: a.user.id, workspaceId: a.workspace.id },
      ]);
    });

    it('project-id: members of a private project (directly or through a group), everyone for a public one; 404 for another workspace', async () => {
      const priv = await insertProject(t.app, a.workspace.id, { isPublic: false });
      const group = await insertUserGroup(t.app, a.workspace.id, [adam.user.id]);
      await insertProjectMember(t.app, a.workspace.id, priv, { userId: zoe.user.id });
      await insertProjectMember(t.app, a.workspace.id, priv, { userGroupId: group });
      const res = await request(t.http)
        .get(usersUrl())
        .query({ 'project-id': priv, 'sort-column': 'NAME_LOWERCASE' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(ids(res.body)).toEqual([adam.user.id, zoe.user.id]);
      const pub = await insertProject(t.app, a.workspace.id, { isPublic: true });
      const all = await request(t.http)
        .get(usersUrl())
        .query({ 'project-id': pub })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(all.body).toHaveLength(5);
      const foreign = await insertProject(t.app, b.workspace.id);
      await request(t.http).get(usersUrl()).query({ 'project-id': foreign }).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).get(usersUrl()).query({ 'project-id': 'nope' }).set('X-Api-Key', a.apiKey).expect(400);
      const withProjects = await request(t.http)
        .get(usersUrl())
        .query({ name: 'zoe', memberships: 'PROJECT' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(withProjects.body[0].memberships).toEqual([
        expect.objectContaining({ membershipType: 'PROJECT', targetId: priv }),
      ]);
    });

    it('400 for bad enum values, page sizes and unknown parameters', async () => {
      for (const query of [
        { status: 'GONE' },
        { 'sort-column': 'AGE' },
        { 'sort-order': 'UP' },
        { memberships: 'SOME' },
        { 'page-size': 0 },
        { 'page-size': 1001 },
        { page: 0 },
        { 'account-statuses': 'ACTIVE,NOPE' },
        { 'include-roles': 'perhaps' },
        { colour: 'red' },
      ]) {
        const res = await request(t.http).get(usersUrl()).query(query).set('X-Api-Key', a.apiKey);
        expect([res.status, query]).toEqual([400, query]);
      }
    });

    it('an add-on token lists the users of its workspace', async () => {
      const { token } = await installAddon(t.app, a.workspace.id);
      const res = await request(t.http).get(usersUrl()).set('X-Addon-Token', token).expect(200);
      expect(res.body).toHaveLength(5);
    });
  });

  describe('POST /v1/workspaces/{workspaceId}/users/info', () => {
    const info = () => `${usersUrl()}/info`;

    it('401, 403 for a stranger', async () => {
      await request(t.http).post(info()).send({}).expect(401);
      await request(t.http).post(info()).set('X-Api-Key', bMember.apiKey).send({}).expect(403);
    });

    it('answers 200 with the same filters as the query, plus roles and user groups', async () => {
      const res = await request(t.http)
        .post(info())
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'zed', page: 1, pageSize: 10 })
        .expect(200);
      expect(ids(res.body)).toEqual([zoe.user.id]);
      expect(res.headers['x-page-size']).toBe('10');
      const admins = await request(t.http)
        .post(info())
        .set('X-Api-Key', a.apiKey)
        .send({ roles: ['WORKSPACE_ADMIN'], sortColumn: 'NAME', sortOrder: 'DESCENDING' })
        .expect(200);
      expect(ids(admins.body)).toEqual([a.user.id, admin.user.id]); // owners count as admins
      const owners = await request(t.http)
        .post(info())
        .set('X-Api-Key', a.apiKey)
        .send({ roles: ['OWNER'] })
        .expect(200);
      expect(ids(owners.body)).toEqual([a.user.id]);
      const group = await insertUserGroup(t.app, a.workspace.id, [pending.user.id]);
      const inGroup = await request(t.http)
        .post(info())
        .set('X-Api-Key', a.apiKey)
        .send({ userGroups: [group], memberships: 'USERGROUP', includeRoles: true })
        .expect(200);
      expect(ids(inGroup.body)).toEqual([pending.user.id]);
      expect(inGroup.body[0].memberships).toEqual([
        expect.objectContaining({ membershipType: 'USERGROUP', targetId: group, membershipStatus: 'PENDING' }),
      ]);
      expect(inGroup.body[0].roles).toEqual([]);
      const paged = await request(t.http)
        .post(info())
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'ACTIVE', accountStatuses: ['ACTIVE'], sortColumn: 'ID', pageSize: 1, page: 2 })
        .expect(200);
      expect(paged.body).toHaveLength(1);
      expect(paged.headers['x-total-count']).toBe('4');
    });

    it('400 for unknown fields, bad enums, page sizes and malformed ids; 404 for another workspace project', async () => {
      for (const body of [
        { colour: 'red' },
        { status: 'GONE' },
        { roles: ['KING'] },
        { pageSize: 0 },
        { pageSize: 1001 },
        { userGroups: ['x'] },
        { projectId: 'x' },
        { includeRoles: 'yes' },
      ]) {
        const res = await request(t.http).post(info()).set('X-Api-Key', a.apiKey).send(body);
        expect([res.status, body]).toEqual([400, body]);
      }
      await request(t.http).post(info()).set('X-Api-Key', a.apiKey).send({ projectId: MISSING_ID }).expect(404);
    });
  });

  describe('GET/PATCH member-profile/{userId}', () => {
    const profile = (userId: string, ws = a.workspace.id) => `/v1/workspaces/${ws}/member-profile/${userId}`;

    it('401, 403 for a member reading another member, 404 for another workspace user and MISSING_ID, 400 for a malformed id', async () => {
      await request(t.http).get(profile(zoe.user.id)).expect(401);
      await request(t.http).get(profile(zoe.user.id)).set('X-Api-Key', adam.apiKey).expect(403);
      await request(t.http)
        .patch(profile(zoe.user.id))
        .set('X-Api-Key', adam.apiKey)
        .send({ weekStart: 'SUNDAY' })
        .expect(403);
      await request(t.http).get(profile(bMember.user.id)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).get(profile(MISSING_ID)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http)
        .patch(profile(bMember.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ weekStart: 'SUNDAY' })
        .expect(404);
      await request(t.http).get(profile('abc')).set('X-Api-Key', a.apiKey).expect(400);
    });

    it('reads the own profile with its defaults', async () => {
      const res = await request(t.http).get(profile(zoe.user.id)).set('X-Api-Key', zoe.apiKey).expect(200);
      expect(res.body).toEqual({
        email: zoe.user.email,
        name: 'Zoe Zed',
        imageUrl: '',
        hasPassword: false,
        hasPendingApprovalRequest: false,
        weekStart: 'MONDAY',
        workCapacity: 'PT8H',
        workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
        workspaceNumber: 1,
        userCustomFieldValues: [],
      });
    });

    it('PATCH by the member themself updates the profile and records USER_UPDATED', async () => {
      const res = await request(t.http)
        .patch(profile(adam.user.id))
        .set('X-Api-Key', adam.apiKey)
        .send({
          name: 'Adam Apple',
          imageUrl: '/v1/file/image/x.png',
          weekStart: 'SUNDAY',
          workCapacity: 'PT7H30M',
          workingDays: ['SUNDAY', 'MONDAY'],
        })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Adam Apple',
        imageUrl: '/v1/file/image/x.png',
        weekStart: 'SUNDAY',
        workCapacity: 'PT7H30M',
        workingDays: ['SUNDAY', 'MONDAY'],
      });
      const again = await request(t.http).get(profile(adam.user.id)).set('X-Api-Key', admin.apiKey).expect(200);
      expect(again.body).toEqual(res.body);
      expect(await outboxEvents(t.app, adam.user.id)).toContain('USER_UPDATED');
      const removed = await request(t.http)
        .patch(profile(adam.user.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ removeProfileImage: true })
        .expect(200);
      expect(removed.body).toMatchObject({ imageUrl: '', name: 'Adam Apple', weekStart: 'SUNDAY' });
    });

    it('400 for a malformed workCapacity, bad enums, long names and unknown fields', async () => {
      for (const body of [
        { workCapacity: '7 hours' },
        { workCapacity: 'PT25H' },
        { weekStart: 'FUNDAY' },
        { workingDays: ['MONDAY', 'MONDAY'] },
        { workingDays: 'MONDAY' },
        { name: '' },
        { name: 'x'.repeat(101) },
        { colour: 'red' },
        { userCustomFields: [{ customFieldId: 'x' }] },
      ]) {
        const res = await request(t.http).patch(profile(zoe.user.id)).set('X-Api-Key', zoe.apiKey).send(body);
        expect([res.status, body]).toEqual([400, body]);
      }
      const err = await request(t.http)
        .patch(profile(zoe.user.id))
        .set('X-Api-Key', zoe.apiKey)
        .send({ workCapacity: 'PT' })
        .expect(400);
      expect(err.body.errors[0].field).toBe('workCapacity');
    });

    it('stores user custom field values, checks their type and shows workspace defaults', async () => {
      const tin = await insertUserCustomField(t.app, a.workspace.id, 'TIN');
      const city = await insertUserCustomField(t.app, a.workspace.id, 'City', {
        type: 'DROPDOWN_SINGLE',
        allowedValues: ['Oslo', 'Rome'],
        defaultValue: 'Oslo',
      });
      const locked = await insertUserCustomField(t.app, a.workspace.id, 'Grade', { onlyAdminCanEdit: true });
      const foreign = await insertUserCustomField(t.app, b.workspace.id, 'Foreign');
      const url = profile(adam.user.id);
      await request(t.http)
        .patch(url)
        .set('X-Api-Key', adam.apiKey)
        .send({ userCustomFields: [{ customFieldId: city, value: 'Paris' }] })
        .expect(400);
      await request(t.http)
        .patch(url)
        .set('X-Api-Key', adam.apiKey)
        .send({ userCustomFields: [{ customFieldId: locked, value: 'A' }] })
        .expect(403);
      await request(t.http)
        .patch(url)
        .set('X-Api-Key', adam.apiKey)
        .send({ userCustomFields: [{ customFieldId: foreign, value: 'A' }] })
        .expect(404);
      await request(t.http)
        .patch(url)
        .set('X-Api-Key', adam.apiKey)
        .send({
          userCustomFields: [
            { customFieldId: tin, value: 'x' },
            { customFieldId: tin, value: 'y' },
          ],
        })
        .expect(400);
      const res = await request(t.http)
        .patch(url)
        .set('X-Api-Key', adam.apiKey)
        .send({ userCustomFields: [{ customFieldId: tin, value: '123-45' }] })
        .expect(200);
      expect(res.body.userCustomFieldValues).toEqual([
        expect.objectContaining({
          customFieldId: city,
          name: 'City',
          type: 'DROPDOWN_SINGLE',
          sourceType: 'WORKSPACE',
          value: 'Oslo',
          userId: adam.user.id,
        }),
        expect.objectContaining({
          customFieldId: tin,
          name: 'TIN',
          type: 'TXT',
          sourceType: 'USER',
          value: '123-45',
          customField: expect.objectContaining({ id: tin, entityType: 'USER', projectDefaultValues: [] }),
        }),
      ]);
      // An admin may set an admin-only field of someone else; null clears a value.
      const byAdmin = await request(t.http)
        .patch(url)
        .set('X-Api-Key', admin.apiKey)
        .send({
          userCustomFields: [
            { customFieldId: locked, value: 'B' },
            { customFieldId: tin, value: null },
          ],
        })
        .expect(200);
      expect(
        byAdmin.body.userCustomFieldValues.map((v: { name: string; value: unknown }) => [v.name, v.value]),
      ).toEqual([
        ['City', 'Oslo'],
        ['Grade', 'B'],
      ]);
      const listed = await request(t.http)
        .get(usersUrl())
        .query({ name: 'adam' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(listed.body[0].customFields).toEqual([
        { customFieldId: locked, customFieldName: 'Grade', customFieldType: 'TXT', userId: adam.user.id, value: 'B' },
      ]);
    });
  });

  describe('POST/DELETE users/{userId}/roles and GET users/{userId}/managers', () => {
    const roles = (userId: string) => `${usersUrl()}/${userId}/roles`;
    const managers = (userId: string) => `${usersUrl()}/${userId}/managers`;

    it('401, 403 for a plain member, 400 for malformed ids and bodies', async () => {
      const body = { role: 'TEAM_MANAGER', entityId: zoe.user.id };
      await request(t.http).post(roles(adam.user.id)).send(body).expect(401);
      await request(t.http).post(roles(adam.user.id)).set('X-Api-Key', zoe.apiKey).send(body).expect(403);
      await request(t.http).delete(roles(adam.user.id)).set('X-Api-Key', zoe.apiKey).send(body).expect(403);
      await request(t.http).post(roles('bad')).set('X-Api-Key', a.apiKey).send(body).expect(400);
      for (const bad of [
        { role: 'OWNER', entityId: a.workspace.id },
        { role: 'TEAM_MANAGER' },
        { role: 'TEAM_MANAGER', entityId: 'x' },
        { ...body, colour: 1 },
        { ...body, sourceType: 'PROJECT' },
        { role: 'WORKSPACE_ADMIN', entityId: MISSING_ID },
        { role: 'PROJECT_MANAGER', entityId: MISSING_ID, sourceType: 'USER_GROUP' },
        { role: 'TEAM_MANAGER', entityId: adam.user.id },
      ]) {
        const res = await request(t.http).post(roles(adam.user.id)).set('X-Api-Key', a.apiKey).send(bad);
        expect([res.status, bad]).toEqual([400, bad]);
      }
    });

    it('404 for another workspace user, a missing managed user, project or group', async () => {
      await request(t.http)
        .post(roles(bMember.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'TEAM_MANAGER', entityId: zoe.user.id })
        .expect(404);
      await request(t.http)
        .post(roles(MISSING_ID))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'WORKSPACE_ADMIN', entityId: a.workspace.id })
        .expect(404);
      await request(t.http)
        .post(roles(adam.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'TEAM_MANAGER', entityId: bMember.user.id })
        .expect(404);
      const foreignProject = await insertProject(t.app, b.workspace.id);
      await request(t.http)
        .post(roles(adam.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'PROJECT_MANAGER', entityId: foreignProject })
        .expect(404);
      const foreignGroup = await insertUserGroup(t.app, b.workspace.id);
      await request(t.http)
        .post(roles(adam.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'TEAM_MANAGER', entityId: foreignGroup, sourceType: 'USER_GROUP' })
        .expect(404);
      await request(t.http)
        .delete(roles(adam.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'WORKSPACE_ADMIN', entityId: a.workspace.id })
        .expect(404);
      await request(t.http).get(managers(bMember.user.id)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).get(managers(MISSING_ID)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).get(managers('bad')).set('X-Api-Key', a.apiKey).expect(400);
    });

    it('grants roles (201 with all roles), lists managers directly and through groups, removes roles (204)', async () => {
      const lead = await createMember(t.app, a.workspace.id, { name: 'Lena Lead' });
      const groupLead = await createMember(t.app, a.workspace.id, { name: 'Gus Group' });
      const worker = await createMember(t.app, a.workspace.id, { name: 'Wes Worker' });
      const project = await insertProject(t.app, a.workspace.id);
      const group = await insertUserGroup(t.app, a.workspace.id, [worker.user.id]);

      const first = await request(t.http)
        .post(roles(lead.user.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ role: 'TEAM_MANAGER', entityId: worker.user.id })
        .expect(201);
      expect(first.body).toEqual([
        {
          role: { id: worker.user.id, name: 'Team manager', source: null },
          userId: lead.user.id,
          workspaceId: a.workspace.id,
        },
      ]);
      const second = await request(t.http)
        .post(roles(lead.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'PROJECT_MANAGER', entityId: project })
        .expect(201);
      expect(second.body.map((r: { role: { name: string } }) => r.role.name)).toEqual([
        'Team manager',
        'Project manager',
      ]);
      const admins = await request(t.http)
        .post(roles(lead.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'WORKSPACE_ADMIN', entityId: a.workspace.id })
        .expect(201);
      expect(admins.body[0].role).toEqual({ id: a.workspace.id, name: 'Workspace admin', source: null });
      await request(t.http)
        .post(roles(groupLead.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'TEAM_MANAGER', entityId: group, sourceType: 'USER_GROUP' })
        .expect(201);
      expect(await outboxEvents(t.app, lead.user.id)).toContain('USER_UPDATED');

      const list = await request(t.http)
        .get(managers(worker.user.id))
        .query({ 'sort-column': 'NAME' })
        .set('X-Api-Key', worker.apiKey)
        .expect(200);
      expect(ids(list.body)).toEqual([groupLead.user.id, lead.user.id]);
      expect(list.headers['x-total-count']).toBe('2');
      const desc = await request(t.http)
        .get(managers(worker.user.id))
        .query({ 'sort-column': 'NAME', 'sort-order': 'DESCENDING', 'page-size': 1 })
        .set('X-Api-Key', worker.apiKey)
        .expect(200);
      expect(ids(desc.body)).toEqual([lead.user.id]);
      expect(desc.headers['last-page']).toBe('false');
      await request(t.http)
        .get(managers(worker.user.id))
        .query({ 'sort-column': 'AGE' })
        .set('X-Api-Key', worker.apiKey)
        .expect(400);
      await request(t.http)
        .get(managers(worker.user.id))
        .query({ 'page-size': 0 })
        .set('X-Api-Key', worker.apiKey)
        .expect(400);
      const none = await request(t.http).get(managers(lead.user.id)).set('X-Api-Key', a.apiKey).expect(200);
      expect(none.body).toEqual([]);

      await request(t.http)
        .delete(roles(lead.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'TEAM_MANAGER', entityId: worker.user.id })
        .expect(204);
      await request(t.http)
        .delete(roles(lead.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'TEAM_MANAGER', entityId: worker.user.id })
        .expect(404);
      await request(t.http)
        .delete(roles(groupLead.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'TEAM_MANAGER', entityId: group })
        .expect(404); // held through the group source
      const after = await request(t.http).get(managers(worker.user.id)).set('X-Api-Key', a.apiKey).expect(200);
      expect(ids(after.body)).toEqual([groupLead.user.id]);
      const leadRoles = await request(t.http)
        .get(usersUrl())
        .query({ name: 'Lena', 'include-roles': true })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(leadRoles.body[0].roles.map((r: { role: { name: string } }) => r.role.name)).toEqual([
        'Workspace admin',
        'Project manager',
      ]);
    });

    it('the owner role can be neither granted nor removed', async () => {
      await request(t.http)
        .post(roles(zoe.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'OWNER', entityId: a.workspace.id })
        .expect(400);
      await request(t.http)
        .delete(roles(a.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ role: 'OWNER', entityId: a.workspace.id })
        .expect(400);
    });
  });

  it('grantRole factory and API agree: a TEAM_MANAGER granted by the factory is listed as manager', async () => {
    await grantRole(t.app, a.workspace.id, admin.user.id, 'TEAM_MANAGER', zoe.user.id);
    const res = await request(t.http)
      .get(`${usersUrl()}/${zoe.user.id}/managers`)
      .set('X-Api-Key', zoe.apiKey)
      .expect(200);
    expect(ids(res.body)).toEqual([admin.user.id]);
  });
});
