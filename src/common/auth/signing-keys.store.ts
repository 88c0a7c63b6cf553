import { createHash, createPrivateKey, createPublicKey, generateKeyPair, KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';

const generate = promisify(generateKeyPair);

/** How long a replaced key stays published for the short-lived tokens it signed (user and lifecycle tokens). */
export const SUPERSEDED_GRACE_SECONDS = 2 * 60 * 60;

export interface PublishedKey {
  kid: string;
  publicKey: KeyObject;
  publicPem: string;
  signsFrom: Date;
}

export interface Signer {
  kid: string;
  privateKey: KeyObject;
  publicPem: string;
  /** When a newer key takes over (the signer must be re-read then), if one is already published. */
  until: Date | null;
}

/** The RFC 7638 thumbprint of an RSA public key, base64url: a stable `kid`. */
export function thumbprint(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  return createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest('base64url');
}

async function newKeyPair(): Promise<{ publicPem: string; privatePem: string }> {
  const { publicKey, privateKey } = await generate('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicPem: publicKey, privatePem: privateKey };
}

/**
 * The add-on signing keys in `addon_signing_keys`. Published (JWKS, accepted
 * when verifying): the signing key, keys not signing yet, keys replaced less
 * than SUPERSEDED_GRACE_SECONDS ago, and older keys while a live installation
 * or webhook token still names them.
 */
export class SigningKeysStore {
  constructor(private readonly dataSource: DataSource) {}

  async published(): Promise<PublishedKey[]> {
    const rows: { kid: string; public_pem: string; signs_from: Date }[] = await this.dataSource.query(
      `WITH k AS (
         SELECT kid, public_pem, signs_from, lead(signs_from) OVER (ORDER BY signs_from, created_at) AS superseded_at
           FROM addon_signing_keys
       )
       SELECT kid, public_pem, signs_from FROM k
        WHERE superseded_at IS NULL
           OR superseded_at > now() - make_interval(secs => $1)
           OR signs_from > now()
           OR EXISTS (SELECT 1 FROM addons a WHERE a.token_kid = k.kid AND a.revoked_at IS NULL)
           OR EXISTS (SELECT 1 FROM webhooks w WHERE w.token_kid = k.kid)
        ORDER BY signs_from, kid`,
      [SUPERSEDED_GRACE_SECONDS],
    );
    return rows.map((r) => ({
      kid: r.kid,
      publicPem: r.public_pem,
      publicKey: createPublicKey(r.public_pem),
      signsFrom: r.signs_from,
    }));
  }

  /**
   * The key that signs now. With `configuredPem` (ADDON_SIGNING_KEY) that key,
   * recorded (public half only) so it is published; otherwise the newest stored
   * key whose time has come, generated on first use (one instance at a time).
   */
  async signer(configuredPem?: string): Promise<Signer> {
    if (configuredPem) return this.configuredSigner(configuredPem);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('addon_signing_keys'))`);
      let rows: { kid: string; private_pem: string; public_pem: string; until: Date | null }[] = await manager.query(
        `SELECT kid, private_pem, public_pem,
                (SELECT min(n.signs_from) FROM addon_signing_keys n WHERE n.signs_from > now()) AS until
           FROM addon_signing_keys
          WHERE signs_from <= now() AND private_pem IS NOT NULL
          ORDER BY signs_from DESC, created_at DESC LIMIT 1`,
      );
      if (!rows.length) {
        const pair = await newKeyPair();
        const kid = thumbprint(createPublicKey(pair.publicPem));
        await manager.query(
          `INSERT INTO addon_signing_keys (kid, public_pem, private_pem, signs_from) VALUES ($1, $2, $3, now())`,
          [kid, pair.publicPem, pair.privatePem],
        );
        rows = [{ kid, private_pem: pair.privatePem, public_pem: pair.publicPem, until: null }];
      }
      const [row] = rows;
      return {
        kid: row.kid,
        privateKey: createPrivateKey(row.private_pem),
        publicPem: row.public_pem,
        until: row.until,
      };
    });
  }

  /** A new stored key, published now and signing from `signsFrom` (rotation). */
  async addKey(signsFrom: Date): Promise<{ kid: string; signsFrom: Date }> {
    const pair = await newKeyPair();
    const kid = thumbprint(createPublicKey(pair.publicPem));
    await this.dataSource.query(
      `INSERT INTO addon_signing_keys (kid, public_pem, private_pem, signs_from) VALUES ($1, $2, $3, $4)`,
      [kid, pair.publicPem, pair.privatePem, signsFrom],
    );
    return { kid, signsFrom };
  }

  private async configuredSigner(pem: string): Promise<Signer> {
    // An env variable often carries the PEM on one line with literal \n.
    const privateKey = createPrivateKey(pem.replace(/\\n/g, '\n'));
    const publicKey = createPublicKey(privateKey);
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const kid = thumbprint(publicKey);
    await this.dataSource.query(
      `INSERT INTO addon_signing_keys (kid, public_pem, private_pem, signs_from) VALUES ($1, $2, NULL, now()) ON CONFLICT (kid) DO NOTHING`,
      [kid, publicPem],
    );
    return { kid, privateKey, publicPem, until: null };
  }

  /** The stored HS256 secret of tokens issued before RS256, if any. */
  async legacySecret(name: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ value: string }[]>('SELECT value FROM app_secrets WHERE name = $1', [
      name,
    ]);
    return rows[0]?.value;
  }
}
