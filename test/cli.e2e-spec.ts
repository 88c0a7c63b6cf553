import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueEmail } from './factories';
import { startTestApp, TestApp } from './utils/test-app';

const run = promisify(execFile);
const root = join(__dirname, '..');

/** Runs the operator CLI as `npm run cli` does, on the suite's database. */
async function cli(...args: string[]): Promise<{ json: Record<string, string>; stdout: string }> {
  const { stdout } = await run(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', ...args],
    {
      cwd: root,
      env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' },
    },
  );
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1); // one JSON line, nothing else on stdout
  return { json: JSON.parse(lines[0]) as Record<string, string>, stdout };
}

async function cliFails(...args: string[]): Promise<string> {
  try {
    await cli(...args);
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    expect(code).not.toBe(0);
    return stderr;
  }
  throw new Error(`cli ${args.join(' ')} succeeded`);
}

describe('Operator CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.app.close());

  it('user:create makes a user, a workspace and a key that works on GET /v1/user', async () => {
    const email = uniqueEmail('cli');
    const { json } = await cli('user:create', '--email', email, '--name', 'Cli User');
    expect(json).toEqual({
      userId: expect.stringMatching(/^[0-9a-f]{24}$/),
      apiKey: expect.any(String),
      workspaceId: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    const me = await request(t.http).get('/v1/user').set('X-Api-Key', json.apiKey).expect(200);
    expect(me.body).toMatchObject({ id: json.userId, email, name: 'Cli User', defaultWorkspace: json.workspaceId });
    const ws = await request(t.http)
      .get(`/v1/workspaces/${json.workspaceId}`)
      .set('X-Api-Key', json.apiKey)
      .expect(200);
    expect(ws.body.id).toBe(json.workspaceId);
  }, 120_000);

  it('user:create --workspace adds a member with the role; api-key:create and api-key:revoke manage keys', async () => {
    const owner = await cli('user:create', '--email', uniqueEmail('cli-owner'));
    const adminEmail = uniqueEmail('cli-admin');
    const admin = await cli(
      'user:create',
      '--email',
      adminEmail,
      '--workspace',
      owner.json.workspaceId,
      '--role',
      'WORKSPACE_ADMIN',
    );
    expect(admin.json.workspaceId).toBe(owner.json.workspaceId);
    const member = await cli(
      'user:create',
      '--email',
      uniqueEmail('cli-member'),
      '--workspace',
      owner.json.workspaceId,
    );
    // the admin may set the workspace rate, the plain member may not
    await request(t.http)
      .put(`/v1/workspaces/${owner.json.workspaceId}/hourly-rate`)
      .set('X-Api-Key', admin.json.apiKey)
      .send({ amount: 5000, currency: 'USD' })
      .expect(200);
    await request(t.http)
      .put(`/v1/workspaces/${owner.json.workspaceId}/hourly-rate`)
      .set('X-Api-Key', member.json.apiKey)
      .send({ amount: 5000, currency: 'USD' })
      .expect(403);

    const second = await cli('api-key:create', '--email', adminEmail);
    expect(second.json.userId).toBe(admin.json.userId);
    await request(t.http).get('/v1/user').set('X-Api-Key', second.json.apiKey).expect(200);
    await cli('api-key:revoke', '--key', second.json.apiKey);
    await request(t.http).get('/v1/user').set('X-Api-Key', second.json.apiKey).expect(401);
    await request(t.http).get('/v1/user').set('X-Api-Key', admin.json.apiKey).expect(200);
  }, 120_000);

  it('addon:install prints a token for that workspace; addon:uninstall revokes it', async () => {
    const owner = await cli('user:create', '--email', uniqueEmail('cli-addon'));
    const other = await cli('user:create', '--email', uniqueEmail('cli-other'));
    const { json } = await cli('addon:install', '--workspace', owner.json.workspaceId, '--name', 'Sync');
    expect(json).toEqual({ addonId: expect.stringMatching(/^[0-9a-f]{24}$/), token: expect.any(String) });
    await request(t.http).get(`/v1/workspaces/${owner.json.workspaceId}`).set('X-Addon-Token', json.token).expect(200);
    await request(t.http).get(`/v1/workspaces/${other.json.workspaceId}`).set('X-Addon-Token', json.token).expect(403);
    await cli('addon:uninstall', '--addon', json.addonId);
    await request(t.http).get(`/v1/workspaces/${owner.json.workspaceId}`).set('X-Addon-Token', json.token).expect(401);
  }, 120_000);

  it('addon:install --manifest installs from a file (scopes enforced, token verifiable with addon:public-key); a bad manifest installs nothing', async () => {
    const owner = await cli('user:create', '--email', uniqueEmail('cli-manifest'));
    const dir = mkdtempSync(join(tmpdir(), 'addon-manifest-'));
    const file = join(dir, 'manifest.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: '1.3',
        key: 'cli-sync',
        name: 'CLI sync',
        baseUrl: 'http://127.0.0.1:9/addon',
        scopes: ['TAG_READ'],
      }),
    );
    const { json } = await cli('addon:install', '--workspace', owner.json.workspaceId, '--manifest', file);
    expect(json).toEqual({ addonId: expect.stringMatching(/^[0-9a-f]{24}$/), token: expect.any(String) });
    await request(t.http)
      .get(`/v1/workspaces/${owner.json.workspaceId}/tags`)
      .set('X-Addon-Token', json.token)
      .expect(200);
    await request(t.http)
      .get(`/v1/workspaces/${owner.json.workspaceId}/projects`)
      .set('X-Addon-Token', json.token)
      .expect(403);
    const key = await cli('addon:public-key');
    const claims = jwt.verify(json.token, key.json.publicKey, {
      algorithms: ['RS256'],
      issuer: 'clockify',
    }) as jwt.JwtPayload;
    expect(claims).toMatchObject({
      sub: 'cli-sync',
      type: 'addon',
      workspaceId: owner.json.workspaceId,
      addonId: json.addonId,
    });
    expect(await cliFails('addon:install', '--workspace', owner.json.workspaceId, '--manifest', file)).toMatch(
      /already installed/,
    );

    writeFileSync(
      file,
      JSON.stringify({ schemaVersion: '1.3', key: 'cli-bad', name: 'Bad', baseUrl: 'nowhere', scopes: ['EVERYTHING'] }),
    );
    const stderr = await cliFails('addon:install', '--workspace', owner.json.workspaceId, '--manifest', file);
    expect(stderr).toMatch(/Invalid manifest/);
    expect(stderr).toMatch(/baseUrl: is required/);
    expect(stderr).toMatch(/scopes\[0\]: EVERYTHING is not a scope/);
    expect(
      await cliFails('addon:install', '--workspace', owner.json.workspaceId, '--manifest', join(dir, 'missing.json')),
    ).toMatch(/Cannot read the manifest file/);
    const rows: unknown[] = await t.app.get(DataSource).query(`SELECT 1 FROM addons WHERE key = 'cli-bad'`);
    expect(rows).toEqual([]);
  }, 120_000);

  it('fails with a message on stderr and a non-zero exit for bad input', async () => {
    expect(await cliFails('user:create', '--email', 'not-an-email')).toMatch(/email/);
    expect(await cliFails('user:create', '--email', uniqueEmail(), '--workspace', 'nope')).toMatch(/24-character/);
    expect(await cliFails('user:create', '--email', uniqueEmail(), '--workspace', 'ffffffffffffffffffffffff')).toMatch(
      /not found/,
    );
    expect(await cliFails('api-key:create', '--email', uniqueEmail('nobody'))).toMatch(/No user/);
    expect(await cliFails('api-key:revoke', '--key', 'nope')).toMatch(/No active API key/);
    expect(await cliFails('addon:install', '--workspace', 'ffffffffffffffffffffffff', '--name', 'x')).toMatch(
      /not found/,
    );
    expect(await cliFails('addon:install', '--workspace', 'ffffffffffffffffffffffff')).toMatch(
      /--name or --manifest is required/,
    );
  }, 120_000);
});
