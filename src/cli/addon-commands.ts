import { Command, CommandRunner, Option } from 'nest-commander';
import { isObjectId } from '../common/utils/ids';
import { AddonsService } from '../modules/addons/addons.service';
import { CliError, printJson, requireOption } from './cli-output';

@Command({ name: 'addon:install', description: 'Install an add-on in a workspace and print its X-Addon-Token' })
export class AddonInstallCommand extends CommandRunner {
  constructor(private readonly addons: AddonsService) {
    super();
  }

  async run(_: string[], options: { workspace?: string; name?: string }): Promise<void> {
    const workspaceId = requireOption(options.workspace, '--workspace');
    if (!isObjectId(workspaceId)) throw new CliError('--workspace must be a 24-character hex id');
    const name = requireOption(options.name, '--name');
    const installed = await this.addons.install(workspaceId, name).catch((e: Error) => {
      throw new CliError(e.message);
    });
    printJson(installed);
  }

  @Option({ flags: '--workspace <workspaceId>', description: 'workspace to install in', required: true })
  parseWorkspace(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'name of the add-on', required: true })
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
