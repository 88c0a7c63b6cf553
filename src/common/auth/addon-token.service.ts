import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { env } from '../../config/env.validation';

export interface AddonTokenClaims {
  workspaceId: string;
  addonId: string;
}

const SECRET_NAME = 'addon_token_secret';

/**
 * Signs and checks X-Addon-Token JWTs (HS256). The secret is ADDON_TOKEN_SECRET,
 * or one generated on first use and kept in the database, so that restarts and
 * other instances accept the same tokens.
 */
@Injectable()
export class AddonTokenService {
  private secret?: Promise<string>;

  constructor(private readonly dataSource: DataSource) {}

  async sign(claims: AddonTokenClaims): Promise<string> {
    return jwt.sign({ workspaceId: claims.workspaceId, addonId: claims.addonId }, await this.key(), {
      algorithm: 'HS256',
      subject: claims.addonId,
      issuer: 'clockify-api',
    });
  }

  /** The claims of a well-signed token, or null for anything else. */
  async verify(token: string): Promise<AddonTokenClaims | null> {
    try {
      const payload = jwt.verify(token, await this.key(), { algorithms: ['HS256'], issuer: 'clockify-api' });
      if (typeof payload !== 'object' || typeof payload.workspaceId !== 'string' || typeof payload.addonId !== 'string') {
        return null;
      }
      return { workspaceId: payload.workspaceId, addonId: payload.addonId };
    } catch {
      return null;
    }
  }

  private key(): Promise<string> {
    this.secret ??= this.loadKey().catch((e: unknown) => {
      this.secret = undefined;
      throw e;
    });
    return this.secret;
  }

  private async loadKey(): Promise<string> {
    const configured = env().ADDON_TOKEN_SECRET;
    if (configured) return configured;
    await this.dataSource.query(
      'INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
      [SECRET_NAME, randomBytes(48).toString('base64url')],
    );
    const rows: { value: string }[] = await this.dataSource.query('SELECT value FROM app_secrets WHERE name = $1', [SECRET_NAME]);
    return rows[0].value;
  }
}
