import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateBy,
} from 'class-validator';
import { createPrivateKey } from 'node:crypto';

/** An RSA private key in PEM (literal `\n` escapes allowed, as env files often carry it on one line). */
function isRsaPrivateKeyPem(value: unknown): boolean {
  try {
    return typeof value === 'string' && createPrivateKey(value.replace(/\\n/g, '\n')).asymmetricKeyType === 'rsa';
  } catch {
    return false;
  }
}
/** Settings whose values are never echoed in a configuration error. */
const SECRET_SETTINGS = ['ADDON_TOKEN_SECRET', 'ADDON_SIGNING_KEY'];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : value === true || /^(1|true|yes|on)$/i.test(String(value))
      ? true
      : /^(0|false|no|off)$/i.test(String(value))
        ? false
        : value;

/** Every setting the server reads, with its default. `.env.example` lists the same. */
export class Environment {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** postgres://user:pass@host:port/db. Unset: the embedded PostgreSQL under DATA_DIR. */
  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /** Port of the embedded PostgreSQL. Unset: a free port, recorded in DATA_DIR for the CLI and other processes. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE = 8;

  /** `transaction` behind a pooler in transaction mode (PgBouncer's, most managed providers'): no named prepared statements. */
  @IsIn(['none', 'transaction'])
  DB_POOLER = 'none';

  /** A streaming replica (postgres://…) for report and export queries. Unset: reports read the primary. */
  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  /** Secret of the HS256 add-on tokens issued before RS256 (still accepted for those installations). Unset: the one kept in the database. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'ADDON_TOKEN_SECRET must be at least 32 characters' })
  ADDON_TOKEN_SECRET?: string;

  /** RSA private key (PEM) that signs add-on tokens (RS256). Unset: generated once and kept in the database. */
  @IsOptional()
  @ValidateBy({
    name: 'isRsaPrivateKeyPem',
    validator: {
      validate: isRsaPrivateKeyPem,
      defaultMessage: () => 'ADDON_SIGNING_KEY must be an RSA private key in PEM',
    },
  })
  ADDON_SIGNING_KEY?: string;

  /** Lifetime of user tokens exchanged from an add-on's installation token, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  ADDON_USER_TOKEN_TTL_SECONDS = 1800;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Base URL of the links the API hands out (shared reports, uploaded images). Unset: this request's scheme and host. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** Behind a reverse proxy: take the scheme and host of links from X-Forwarded-Proto / X-Forwarded-Host (Express's trust proxy). */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  MAX_IMAGE_BYTES = 2 * 1024 * 1024;

  /** Largest accepted expense receipt (image or PDF), in bytes; larger uploads are 413. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  EXPENSE_FILE_MAX_BYTES = 10 * 1024 * 1024;

  /** Requests per second per API key or add-on token per workspace (counted in PostgreSQL, shared by all instances). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_SECOND = 50;

  /** Allow webhook URLs on private/loopback addresses (self-hosted default). */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOKS_ALLOW_PRIVATE = true;

  /** Run the webhook delivery loop in this instance (false: API only; another instance delivers). */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_WORKER = true;

  /** How often each app instance looks for webhook work (new outbox rows, due deliveries), in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_POLL_MS = 500;

  /** Base of the webhook retry backoff (base × 2^n ± 20 %), in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_BASE_MS = 5000;

  /** How long opening a database connection may take before the request is 503 (pg pool connect timeout), in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS = 3000;

  /**
   * A query whose server has sent nothing for this long gets a liveness check (a new connection within
   * DB_CONNECT_TIMEOUT_MS); a server that fails it is taken as gone and the query is cut (503), in ms; 0: never.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DB_STALL_MS = 5000;

  /** Longest /health waits for the database before answering 503 `database: "down"`, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  HEALTH_TIMEOUT_MS = 1000;

  /** On SIGTERM/SIGINT: how long requests already received may take to finish before the remaining connections are closed, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Longest time a client may take to send a whole request (headers and body); past it, 408 and the connection closes, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  REQUEST_TIMEOUT_MS = 30_000;

  /** Longest time a client may take to send the request headers, in ms (at most REQUEST_TIMEOUT_MS). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  HEADERS_TIMEOUT_MS = 10_000;

  /** How long an idle keep-alive connection stays open after a response, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  KEEP_ALIVE_TIMEOUT_MS = 5000;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // An empty variable (`DATABASE_URL=`) means "not set", so its default applies.
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(Environment, given, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (!errors.length && env.HEADERS_TIMEOUT_MS > env.REQUEST_TIMEOUT_MS) {
    throw new Error(
      `Invalid configuration:\n  HEADERS_TIMEOUT_MS=${env.HEADERS_TIMEOUT_MS}: must not exceed REQUEST_TIMEOUT_MS (${env.REQUEST_TIMEOUT_MS})`,
    );
  }
  if (errors.length) {
    const shown = (property: string) =>
      SECRET_SETTINGS.includes(property) ? '<hidden>' : JSON.stringify(given[property]);
    const lines = errors.map(
      (e) => `  ${e.property}=${shown(e.property)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
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
