import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { isObjectId } from '../common/utils/ids';
import { ApiKeysService } from '../modules/users/api-keys.service';
import { UsersService } from '../modules/users/users.service';
import { WorkspacesService } from '../modules/workspaces/workspaces.service';
import { CliError, printJson, requireOption } from './cli-output';

interface UserCreateOptions {
  email?: string;
  name?: string;
  workspace?: string;
  role?: string;
}

const MEMBER_ROLES = ['MEMBER', 'USER', 'REGULAR'];

/** `--role` values: WORKSPACE_ADMIN, or a plain member (the default). */
function parseRole(role: string | undefined): 'WORKSPACE_ADMIN' | null {
  const value = (role ?? 'MEMBER').trim().toUpperCase();
  if (MEMBER_ROLES.includes(value)) return null;
  if (value === 'WORKSPACE_ADMIN' || value === 'ADMIN') return 'WORKSPACE_ADMIN';
  if (value === 'TEAM_MANAGER' || value === 'PROJECT_MANAGER') {
    throw new CliError(
      `${value} is a role over a user, group or project: grant it with POST /v1/workspaces/{workspaceId}/users/{userId}/roles`,
    );
  }
  throw new CliError(`--role must be WORKSPACE_ADMIN or MEMBER, not ${role}`);
}

@Command({
  name: 'user:create',
  description: 'Create a user (if absent) and a new API key; with --workspace, add them to it',
})
export class UserCreateCommand extends CommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    private readonly workspaces: WorkspacesService,
  ) {
    super();
  }

  async run(_: string[], options: UserCreateOptions): Promise<void> {
    const email = requireOption(options.email, '--email');
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new CliError(`--email is not an email address: ${email}`);
    const role = parseRole(options.role);
    if (options.workspace !== undefined && !isObjectId(options.workspace))
      throw new CliError('--workspace must be a 24-character hex id');

    const result = await this.dataSource.transaction(async (manager) => {
      const { user } = await this.users.findOrCreate(manager, email, options.name);
      let workspaceId: string;
      if (options.workspace) {
        workspaceId = (
          await this.workspaces.findOne(options.workspace, manager).catch(() => {
            throw new CliError(`Workspace ${options.workspace} not found`);
          })
        ).id;
        await this.workspaces.addMember(manager, workspaceId, user, 'ACTIVE');
        if (role) await this.workspaces.grantRole(manager, workspaceId, user.id, role, workspaceId);
      } else {
        workspaceId = (await this.workspaces.create(manager, user, `${user.name}'s workspace`)).id;
      }
      const apiKey = await this.apiKeys.create(user.id, manager);
      return { userId: user.id, apiKey, workspaceId };
    });
    printJson(result);
  }

  @Option({ flags: '--email <email>', description: 'email of the user', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'display name (default: the part of the email before @)' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--workspace <workspaceId>', description: 'add the user to this workspace instead of creating one' })
  parseWorkspace(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: 'with --workspace: WORKSPACE_ADMIN or MEMBER (default)' })
  parseRoleOption(value: string): string {
    return value;
  }
}

@Command({ name: 'api-key:create', description: 'Create a new API key for an existing user' })
export class ApiKeyCreateCommand extends CommandRunner {
  constructor(
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
  ) {
    super();
  }

  async run(_: string[], options: { email?: string }): Promise<void> {
    const email = requireOption(options.email, '--email');
    const user = await this.users.findByEmail(email);
    if (!user) throw new CliError(`No user with email ${email}`);
    printJson({ userId: user.id, apiKey: await this.apiKeys.create(user.id) });
  }

  @Option({ flags: '--email <email>', description: 'email of the user', required: true })
  parseEmail(value: string): string {
    return value;
  }
}

@Command({ name: 'api-key:revoke', description: 'Revoke an API key' })
export class ApiKeyRevokeCommand extends CommandRunner {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async run(_: string[], options: { key?: string }): Promise<void> {
    const key = requireOption(options.key, '--key');
    await this.apiKeys.revoke(key).catch(() => {
      throw new CliError('No active API key matches --key');
    });
    printJson({ revoked: true });
  }

  @Option({ flags: '--key <key>', description: 'the API key to revoke', required: true })
  parseKey(value: string): string {
    return value;
  }
}
