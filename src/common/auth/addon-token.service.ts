import { Injectable } from '@nestjs/common';
import { JsonWebKey, KeyObject, randomBytes } from 'node:crypto';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { env } from '../../config/env.validation';
import { PublishedKey, Signer, SigningKeysStore } from './signing-keys.store';

/**
 * What a token is for (claim `tokenType`, an extension: Clockify tells them
 * apart by where they arrive). INSTALLATION: the X-Addon-Token of an
 * installation; USER: exchanged from it, acting as one member, short-lived;
 * WEBHOOK: the Clockify-Signature of one manifest webhook; LIFECYCLE: the
 * X-Addon-Lifecycle-Token of a lifecycle call. Only INSTALLATION and USER
 * tokens authenticate API calls.
 */
export type AddonTokenType = 'INSTALLATION' | 'USER' | 'WEBHOOK' | 'LIFECYCLE';

export interface AddonTokenClaims {
  workspaceId: string;
  addonId: string;
  /** The add-on key (`sub`); the add-on id for add-ons installed without a manifest. */
  key: string;
  /** The installing user (INSTALLATION, WEBHOOK, LIFECYCLE) or the member acted for (USER). */
  user: string;
  tokenType: AddonTokenType;
  /** Absolute base URL of this server: `backendUrl` is it + `/api` (served as Clockify's), `reportsUrl` it (same host). */
  baseUrl: string;
}

export interface VerifiedAddonToken extends Omit<AddonTokenClaims, 'baseUrl'> {
  /** Signed with the pre-RS256 shared secret (accepted for installations made before). */
  legacy: boolean;
}

const ISSUER = 'clockify';
const LEGACY_ISSUER = 'clockify-api';
const LEGACY_SECRET_NAME = 'addon_token_secret';
const KEYS_TTL_MS = 30_000;
const RELOAD_MIN_MS = 1_000;
const TOKEN_TYPES: readonly string[] = ['INSTALLATION', 'USER', 'WEBHOOK', 'LIFECYCLE'];

/**
 * Signs and checks add-on tokens: RS256 JWTs with Clockify's claims, signed
 * with the key of `SigningKeysStore` (or ADDON_SIGNING_KEY) and verifiable by
 * anyone with the published JWKS. Keys are cached briefly per instance and
 * re-read when a token names an unknown `kid`, so a rotation made by another
 * instance is picked up.
 */
@Injectable()
export class AddonTokenService {
  private readonly store: SigningKeysStore;
  private signerCache?: { signer: Promise<Signer>; expires: number };
  private keysCache?: { keys: Promise<PublishedKey[]>; loadedAt: number };
  private legacySecret?: Promise<string>;

  constructor(dataSource: DataSource) {
    this.store = new SigningKeysStore(dataSource);
  }

  /** A signed token and the `kid` that signed it; `expiresInSeconds` sets `exp`. */
  async sign(claims: AddonTokenClaims, expiresInSeconds?: number): Promise<{ token: string; kid: string }> {
    const signer = await this.signer();
    const base = claims.baseUrl.replace(/\/+$/, '');
    const payload = {
      type: 'addon',
      tokenType: claims.tokenType,
      workspaceId: claims.workspaceId,
      addonId: claims.addonId,
      user: claims.user,
      // Clockify's shapes (`https://api.clockify.me/api`, reports without a prefix): add-ons append `/v1/...`.
      backendUrl: `${base}/api`,
      reportsUrl: base,
    };
    const token = jwt.sign(payload, signer.privateKey, {
      algorithm: 'RS256',
      keyid: signer.kid,
      issuer: ISSUER,
      subject: claims.key,
      // Every token is new: two signed within one second (same iat) would otherwise be the same string.
      jwtid: randomBytes(12).toString('hex'),
      ...(expiresInSeconds ? { expiresIn: expiresInSeconds } : {}),
    });
    return { token, kid: signer.kid };
  }

  /** The claims of a well-signed, unexpired token, or null for anything else. */
  async verify(token: string): Promise<VerifiedAddonToken | null> {
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload !== 'object') return null;
    if (decoded.header.alg === 'HS256') return this.verifyLegacy(token);
    if (decoded.header.alg !== 'RS256' || !decoded.header.kid) return null;
    const key = await this.publishedKey(decoded.header.kid);
    if (!key) return null;
    try {
      const payload = jwt.verify(token, key, { algorithms: ['RS256'], issuer: ISSUER });
      return typeof payload === 'object' ? claimsOf(payload) : null;
    } catch {
      return null;
    }
  }

  /** The JWKS document: every published key as an RS256 signing JWK. */
  async jwks(): Promise<{ keys: (JsonWebKey & { kid: string; use: string; alg: string })[] }> {
    const keys = await this.publishedKeys();
    return {
      keys: keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', alg: 'RS256' })),
    };
  }

  /** The PEM (SPKI) of the key signing now. */
  async publicKeyPem(): Promise<string> {
    return (await this.signer()).publicPem;
  }

  /** Publishes a new key now that starts signing at `signsFrom` (ADDON_SIGNING_KEY unset only). */
  async rotate(signsFrom: Date): Promise<{ kid: string; signsFrom: Date }> {
    if (env().ADDON_SIGNING_KEY)
      throw new Error('ADDON_SIGNING_KEY is set: rotate by changing it (the CLI rotates stored keys only)');
    await this.signer(); // the current key exists before its successor
    const added = await this.store.addKey(signsFrom);
    this.signerCache = undefined;
    this.keysCache = undefined;
    return added;
  }

  private signer(): Promise<Signer> {
    const now = Date.now();
    if (!this.signerCache || this.signerCache.expires <= now) {
      const signer = this.store.signer(env().ADDON_SIGNING_KEY);
      this.signerCache = { signer, expires: now + KEYS_TTL_MS };
      signer.then(
        (s) => {
          if (s.until && this.signerCache?.signer === signer)
            this.signerCache.expires = Math.min(this.signerCache.expires, s.until.getTime());
        },
        () => (this.signerCache = undefined),
      );
    }
    return this.signerCache.signer;
  }

  private publishedKeys(fresh = false): Promise<PublishedKey[]> {
    const now = Date.now();
    if (fresh || !this.keysCache || now - this.keysCache.loadedAt > KEYS_TTL_MS) {
      const keys = this.signer().then(() => this.store.published());
      this.keysCache = { keys, loadedAt: now };
      keys.catch(() => (this.keysCache = undefined));
    }
    return this.keysCache.keys;
  }

  private async publishedKey(kid: string): Promise<KeyObject | null> {
    let key = (await this.publishedKeys()).find((k) => k.kid === kid);
    // Unknown kid: perhaps published by another instance since; re-read, at most once a second.
    if (!key && this.keysCache && Date.now() - this.keysCache.loadedAt > RELOAD_MIN_MS)
      key = (await this.publishedKeys(true)).find((k) => k.kid === kid);
    return key?.publicKey ?? null;
  }

  /** HS256 tokens issued before RS256 (claims workspaceId, addonId): valid while their installation is. */
  private async verifyLegacy(token: string): Promise<VerifiedAddonToken | null> {
    try {
      const payload = jwt.verify(token, await this.legacyKey(), { algorithms: ['HS256'], issuer: LEGACY_ISSUER });
      if (typeof payload !== 'object' || typeof payload.workspaceId !== 'string' || typeof payload.addonId !== 'string')
        return null;
      return {
        workspaceId: payload.workspaceId,
        addonId: payload.addonId,
        key: payload.addonId,
        user: '',
        tokenType: 'INSTALLATION',
        legacy: true,
      };
    } catch {
      return null;
    }
  }

  private legacyKey(): Promise<string> {
    const configured = env().ADDON_TOKEN_SECRET;
    if (configured) return Promise.resolve(configured);
    this.legacySecret ??= this.store
      .legacySecret(LEGACY_SECRET_NAME)
      // No stored secret: no legacy token can exist; a random value matches nothing.
      .then((value) => value ?? randomBytes(48).toString('base64url'))
      .catch((e: unknown) => {
        this.legacySecret = undefined;
        throw e;
      });
    return this.legacySecret;
  }
}

function claimsOf(payload: JwtPayload): VerifiedAddonToken | null {
  const { workspaceId, addonId, user, tokenType, sub } = payload as Record<string, unknown>;
  if (
    payload.type !== 'addon' ||
    typeof workspaceId !== 'string' ||
    typeof addonId !== 'string' ||
    typeof user !== 'string' ||
    typeof sub !== 'string'
  )
    return null;
  if (typeof tokenType !== 'string' || !TOKEN_TYPES.includes(tokenType)) return null;
  return { workspaceId, addonId, user, key: sub, tokenType: tokenType as AddonTokenType, legacy: false };
}
