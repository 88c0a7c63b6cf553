import request from 'supertest';
import { DataSource } from 'typeorm';
import { WorkspacesService } from '../src/modules/workspaces/workspaces.service';
import { createMember, createOwner, installAddon, Owner } from './factories';
import { insertProject, insertProjectMember, insertUserGroup, setMemberRate } from './factories/users';
import { startTestApp, TestApp } from './utils/test-app';

/** A 1x1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

describe('User: GET /v1/user and images', () => {
  let t: TestApp;
  let a: Owner;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
  });
  afterAll(() => t.app.close());

  describe('GET /v1/user', () => {
    it('401 without credentials or with a bad key', async () => {
      await request(t.http).get('/v1/user').expect(401);
      await request(t.http).get('/v1/user').set('X-Api-Key', 'nope').expect(401);
    });

    it('answers the caller with settings, status as a string and no memberships by default', async () => {
      const res = await request(t.http).get('/v1/user').set('X-Api-Key', a.apiKey).expect(200);
      expect(res.body).toMatchObject({
        id: a.user.id,
        email: a.user.email,
        name: 'Alice',
        profilePicture: '',
        activeWorkspace: a.workspace.id,
        defaultWorkspace: a.workspace.id,
        status: 'ACTIVE',
        customFields: [],
        memberships: [],
      });
      expect(res.body.settings).toMatchObject({
        weekStart: 'MONDAY',
        timeZone: 'UTC',
        timeFormat: 'HOUR24',
        summaryReportSettings: { group: 'PROJECT', subgroup: 'CLIENT' },
      });
      expect(Object.keys(res.body.settings)).toHaveLength(30);
    });

    it('include-memberships=true lists workspace, project and user-group memberships with own rates', async () => {
      const b = await createOwner(t.app, 'Bob');
      const member = await createMember(t.app, a.workspace.id, { name: 'Mia' });
      await t.app
        .get(DataSource)
        .transaction((m) => t.app.get(WorkspacesService).addMember(m, b.workspace.id, member.user, 'PENDING'));
      await setMemberRate(t.app, a.workspace.id, member.user.id, 'HOURLY', 2500);
      const project = await insertProject(t.app, a.workspace.id, { isPublic: false });
      await insertProjectMember(t.app, a.workspace.id, project, { userId: member.user.id });
      const group = await insertUserGroup(t.app, a.workspace.id, [member.user.id]);

      const res = await request(t.http)
        .get('/v1/user?include-memberships=true')
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(res.body.memberships).toEqual([
        {
          userId: member.user.id,
          targetId: a.workspace.id,
          membershipType: 'WORKSPACE',
          membershipStatus: 'ACTIVE',
          hourlyRate: null,
          costRate: null,
        },
        {
          userId: member.user.id,
          targetId: b.workspace.id,
          membershipType: 'WORKSPACE',
          membershipStatus: 'PENDING',
          hourlyRate: null,
          costRate: null,
        },
        {
          userId: member.user.id,
          targetId: project,
          membershipType: 'PROJECT',
          membershipStatus: 'ACTIVE',
          hourlyRate: null,
          costRate: null,
        },
        {
          userId: member.user.id,
          targetId: group,
          membershipType: 'USERGROUP',
          membershipStatus: 'ACTIVE',
          hourlyRate: null,
          costRate: null,
        },
      ]);

      // The owner sees their own rates (admin of the workspace).
      await setMemberRate(t.app, a.workspace.id, a.user.id, 'HOURLY', 5000);
      await setMemberRate(t.app, a.workspace.id, a.user.id, 'COST', 3000);
      const own = await request(t.http)
        .get('/v1/user')
        .query({ 'include-memberships': 'true' })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(own.body.memberships).toEqual([
        expect.objectContaining({
          targetId: a.workspace.id,
          membershipType: 'WORKSPACE',
          hourlyRate: { amount: 5000, currency: 'USD' },
          costRate: { amount: 3000, currency: 'USD' },
        }),
      ]);
    });

    it('400 on a malformed include-memberships', async () => {
      const res = await request(t.http)
        .get('/v1/user?include-memberships=maybe')
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      expect(res.body.errors[0].field).toBe('include-memberships');
    });

    it('with an add-on token, answers the member the add-on acts for', async () => {
      const { token } = await installAddon(t.app, a.workspace.id);
      const res = await request(t.http).get('/v1/user').set('X-Addon-Token', token).expect(200);
      expect(res.body.id).toBe(a.user.id);
    });
  });

  describe('POST /v1/file/image and GET /v1/file/image/:name', () => {
    it('401 without credentials', async () => {
      await request(t.http)
        .post('/v1/file/image')
        .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' })
        .expect(401);
    });

    it('uploads a PNG and serves the same bytes at the returned url', async () => {
      // The url is absolute, from this request's host; X-Forwarded-* count only behind TRUST_PROXY (off here).
      const res = await request(t.http)
        .post('/v1/file/image')
        .set('X-Api-Key', a.apiKey)
        .set('X-Forwarded-Host', 'evil.example')
        .set('X-Forwarded-Proto', 'https')
        .attach('file', PNG, { filename: 'me.png', contentType: 'image/png' })
        .expect(200);
      expect(res.body.name).toMatch(/^image-[0-9a-f]{24}\.png$/);
      expect(res.body.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/v1/file/image/${res.body.name}$`));
      const image = await request(t.http)
        .get(new URL(res.body.url as string).pathname)
        .buffer(true)
        .expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
    });

    it('decides the type from the bytes: a PNG declared as text is stored as image/png, text declared as PNG is 415', async () => {
      const res = await request(t.http)
        .post('/v1/file/image')
        .set('X-Api-Key', a.apiKey)
        .attach('file', PNG, { filename: 'x.txt', contentType: 'text/plain' })
        .expect(200);
      expect(res.body.name).toMatch(/\.png$/);
      const text = await request(t.http)
        .post('/v1/file/image')
        .set('X-Api-Key', a.apiKey)
        .attach('file', Buffer.from('hello, not an image'), { filename: 'a.png', contentType: 'image/png' })
        .expect(415);
      expect(text.body).toEqual({ code: 415, message: expect.stringMatching(/PNG/) });
    });

    it('413 when larger than MAX_IMAGE_BYTES', async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]);
      const res = await request(t.http)
        .post('/v1/file/image')
        .set('X-Api-Key', a.apiKey)
        .attach('file', big, { filename: 'big.png', contentType: 'image/png' })
        .expect(413);
      expect(res.body.code).toBe(413);
    });

    it('400 without a file or with another field name', async () => {
      await request(t.http).post('/v1/file/image').set('X-Api-Key', a.apiKey).field('other', 'x').expect(400);
      await request(t.http)
        .post('/v1/file/image')
        .set('X-Api-Key', a.apiKey)
        .attach('picture', PNG, { filename: 'a.png', contentType: 'image/png' })
        .expect(400);
    });

    it('404 for an unknown or malformed image name', async () => {
      await request(t.http).get('/v1/file/image/image-ffffffffffffffffffffffff.png').expect(404);
      await request(t.http).get('/v1/file/image/..%2Fetc%2Fpasswd').expect(404);
    });
  });

  it('documents the operations in /docs-json', async () => {
    const doc = await request(t.http).get('/docs-json').expect(200);
    expect(doc.body.paths['/v1/user'].get.operationId).toBe('getLoggedUser');
    expect(
      doc.body.paths['/v1/file/image'].post.requestBody.content['multipart/form-data'].schema.properties.file.format,
    ).toBe('binary');
    expect(doc.body.components.schemas.UserDto.properties.settings.$ref).toMatch(/UserSettingsDto/);
    expect(Object.keys(doc.body.components.schemas.UserSettingsDto.properties)).toHaveLength(30);
    const list = doc.body.paths['/v1/workspaces/{workspaceId}/users'].get;
    expect(list.operationId).toBe('getUsersOfWorkspace');
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'workspaceId',
        'sort-column',
        'page-size',
        'include-roles',
        'account-statuses',
        'project-id',
      ]),
    );
    expect(doc.body.paths['/v1/workspaces/{workspaceId}/member-profile/{userId}'].patch.operationId).toBe(
      'updateMemberProfileWithAdditionalData',
    );
  });
});
