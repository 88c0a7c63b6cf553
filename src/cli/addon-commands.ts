import { Command, CommandRunner, Option } from 'nest-commander';
import { AddonTokenService } from '../common/auth/addon-token.service';
import { isObjectId } from '../common/utils/ids';
import { AddonsService } from '../modules/addons/addons.service';
import { loadManifest, ManifestException } from '../modules/addons/manifest-source';
import { CliError, printJson, requireOption } from './cli-output';

/** A manifest's problems, one per line after the summary. */
function manifestError(error: unknown): CliError {
  if (error instanceof ManifestException) {
    const body = error.getResponse() as { message: string; errors?: { field: string; message: string }[] };
    const details = (body.errors ?? []).map((e) => `\n  ${e.field}: ${e.message}`).join('');
    return new CliError(`${body.message}${details}`);
  }
  return new CliError(error instanceof Error ? error.message : String(error));
}

@Command({
  name: 'addon:install',
  description:
    'Install an add-on in a workspace (from a manifest URL or file, or by --name with full access) and print its X-Addon-Token',
})
export class AddonInstallCommand extends CommandRunner {
  constructor(private readonly addons: AddonsService) {
    super();
  }

  async run(_: string[], options: { workspace?: string; name?: string; manifest?: string }): Promise<void> {
    const workspaceId = requireOption(options.workspace, '--workspace');
    if (!isObjectId(workspaceId)) throw new CliError('--workspace must be a 24-character hex id');
    if (options.manifest !== undefined && options.name !== undefined)
      throw new CliError('Give --manifest or --name, not both');
    if (options.manifest !== undefined) {
      const manifest = await loadManifest(requireOption(options.manifest, '--manifest')).catch((e: unknown) => {
        throw manifestError(e);
      });
      printJson(
        await this.addons.installManifest(workspaceId, manifest).catch((e: unknown) => {
          throw manifestError(e);
        }),
      );
      return;
    }
    const name = requireOption(options.name, '--name or --manifest');
    const installed = await this.addons.install(workspaceId, name).catch((e: Error) => {
      throw new CliError(e.message);
    });
    printJson(installed);
  }

  @Option({ flags: '--manifest <urlOrPath>', description: 'manifest (schema 1.3): an http(s) URL or a file path' })
  parseManifest(value: string): string {
    return value;
  }

  @Option({ flags: '--workspace <workspaceId>', description: 'workspace to install in', required: true })
  parseWorkspace(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'name of an add-on without a manifest (full admin access)' })
  parseName(value: string): string {
    return value;
  }
}

@Command({ name: 'addon:uninstall', description: 'Uninstall an add-on: its token stops working' })
export class AddonUninstallCommand extends CommandRunner {
  constructor(private readonly addons: AddonsService) {
    super();
  }

  async run(_: string[], options: { addon?: string }): Promise<void> {
    const addonId = requireOption(options.addon, '--addon');
    if (!isObjectId(addonId)) throw new CliError('--addon must be a 24-character hex id');
    await this.addons.uninstall(addonId).catch((e: Error) => {
      throw new CliError(e.message);
    });
    printJson({ addonId, uninstalled: true });
  }

  @Option({ flags: '--addon <addonId>', description: 'the add-on id printed by addon:install', required: true })
  parseAddon(value: string): string {
    return value;
  }
}

@Command({
  name: 'addon:public-key',
  description: 'Print the public key add-ons verify tokens with (PEM, and the JWKS)',
})
export class AddonPublicKeyCommand extends CommandRunner {
  constructor(private readonly tokens: AddonTokenService) {
    super();
  }

  async run(): Promise<void> {
    printJson({ publicKey: await this.tokens.publicKeyPem(), jwks: await this.tokens.jwks() });
  }
}

@Command({
  name: 'addon:rotate-key',
  description:
    'Publish a new signing key now; it signs new tokens after --activate-in minutes (default 60); the old key stays published while its tokens live',
})
export class AddonRotateKeyCommand extends CommandRunner {
  constructor(private readonly tokens: AddonTokenService) {
    super();
  }

  async run(_: string[], options: { activateIn?: string }): Promise<void> {
    const minutes = Number(options.activateIn ?? 60);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 7 * 24 * 60)
      throw new CliError('--activate-in must be a whole number of minutes, 0 to 10080');
    const added = await this.tokens.rotate(new Date(Date.now() + minutes * 60_000)).catch((e: Error) => {
      throw new CliError(e.message);
    });
    printJson({ kid: added.kid, signsFrom: added.signsFrom.toISOString() });
  }

  @Option({
    flags: '--activate-in <minutes>',
    description: 'minutes between publishing the key and signing with it (default 60)',
  })
  parseActivateIn(value: string): string {
    return value;
  }
}
