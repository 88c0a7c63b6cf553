import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || /^(1|true|yes|on)$/i.test(String(value)) ? true : /^(0|false|no|off)$/i.test(String(value)) ? false : value;

/** Every setting the server reads, with its default. `.env.example` lists the same. */
export class Environment {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /** postgres://user:pass@host:port/db. Unset: the embedded PostgreSQL under DATA_DIR. */
  @IsOptional() @IsString() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString() @MinLength(1)
  DATA_DIR = './data';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  DB_POOL_SIZE = 8;

  /** Secret that signs X-Addon-Token JWTs. Unset: generated once and kept in the database. */
  @IsOptional() @IsString() @MinLength(32, { message: 'ADDON_TOKEN_SECRET must be at least 32 characters' })
  ADDON_TOKEN_SECRET?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Base URL of the links the API hands out (shared reports, uploaded images). Unset: this request's scheme and host. */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** Behind a reverse proxy: take the scheme and host of links from X-Forwarded-Proto / X-Forwarded-Host (Express's trust proxy). */
  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  @Transform(toInt) @IsInt() @Min(1024)
  MAX_IMAGE_BYTES = 2 * 1024 * 1024;

  /** Largest accepted expense receipt (image or PDF), in bytes; larger uploads are 413. */
  @Transform(toInt) @IsInt() @Min(1024)
  EXPENSE_FILE_MAX_BYTES = 10 * 1024 * 1024;

  /** Requests per second per API key or add-on token per workspace (counted in PostgreSQL, shared by all instances). */
  @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_PER_SECOND = 50;

  /** Allow webhook URLs on private/loopback addresses (self-hosted default). */
  @Transform(toBool) @IsBoolean()
  WEBHOOKS_ALLOW_PRIVATE = true;

  /** Run the webhook delivery loop in this instance (false: API only; another instance delivers). */
  @Transform(toBool) @IsBoolean()
  WEBHOOK_WORKER = true;

  /** How often each app instance looks for webhook work (new outbox rows, due deliveries), in ms. */
  @Transform(toInt) @IsInt() @Min(10)
  WEBHOOK_POLL_MS = 500;

  /** Base of the webhook retry backoff (base × 2^n ± 20 %), in ms. */
  @Transform(toInt) @IsInt() @Min(1)
  WEBHOOK_RETRY_BASE_MS = 5000;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // An empty variable (`DATABASE_URL=`) means "not set", so its default applies.
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(Environment, given, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(given[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}

let cached: Environment | undefined;
/** Validated environment, read once per process (the CLI and the server share it). */
export function env(): Environment {
  cached ??= validateEnvironment(process.env);
  return cached;
}

/** Forgets the cached environment, so the next env() re-reads process.env (tests that change settings). */
export function resetEnvCache(): void {
  cached = undefined;
}
