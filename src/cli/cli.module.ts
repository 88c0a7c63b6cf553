import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommonModule } from '../common/common.module';
import { validateEnvironment } from '../config/env.validation';
import { dataSourceOptions } from '../database/data-source-options';
import { AddonsModule } from '../modules/addons/addons.module';
import { ExtensionsModule } from '../modules/extensions.module';
import { RatesModule } from '../modules/rates/rates.module';
import { UsersModule } from '../modules/users/users.module';
import { WorkspacesModule } from '../modules/workspaces/workspaces.module';
import {
  AddonInstallCommand,
  AddonPublicKeyCommand,
  AddonRotateKeyCommand,
  AddonUninstallCommand,
} from './addon-commands';
import { MigrateCommand } from './migrate-command';
import { ApiKeyCreateCommand, ApiKeyRevokeCommand, UserCreateCommand } from './user-commands';

/** The operator CLI: the server's own modules and database settings, without HTTP. */
@Module({})
export class CliModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, 2)),
        CommonModule,
        ExtensionsModule,
        RatesModule,
        UsersModule,
        WorkspacesModule,
        AddonsModule,
      ],
      providers: [
        UserCreateCommand,
        ApiKeyCreateCommand,
        ApiKeyRevokeCommand,
        AddonInstallCommand,
        AddonUninstallCommand,
        AddonPublicKeyCommand,
        AddonRotateKeyCommand,
        MigrateCommand,
      ],
    };
  }
}
