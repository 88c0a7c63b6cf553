import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { CommonModule } from './common/common.module';
import { AddonScopeGuard } from './common/guards/addon-scope.guard';
import { AuthGuard } from './common/guards/auth.guard';
import { RateLimitGuard } from './common/guards/rate-limit.guard';
import { WorkspaceGuard } from './common/guards/workspace.guard';
import { IdempotencyInterceptor } from './common/interceptors/idempotency.interceptor';
import { loggerParams } from './common/logging';
import { env, validateEnvironment } from './config/env.validation';
import { dataSourceOptions } from './database/data-source-options';
import { DOMAIN_MODULES } from './modules';

export interface AppOptions {
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const settings = env();
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
        LoggerModule.forRoot(loggerParams(settings.LOG_LEVEL)),
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl, settings.DB_POOL_SIZE)),
        CommonModule,
        ...DOMAIN_MODULES,
      ],
      providers: [
        // Order matters: authenticate first, count the request, then check the workspace and the role, then an add-on's scopes.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: WorkspaceGuard },
        { provide: APP_GUARD, useClass: AddonScopeGuard },
        // Idempotency stores the body as sent (a Page as its items, as the HTTP adapter sends it).
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
