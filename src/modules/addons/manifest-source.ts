import { BadRequestException } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { env } from '../../config/env.validation';
import { nonPublicTarget, parseWebhookUrl } from '../webhooks/url-policy';
import { Manifest, validateManifest } from './manifest';

const MAX_BYTES = 256 * 1024;
const TIMEOUT_MS = 10_000;

/** A bad manifest (or one that cannot be read): 400 with each problem by field. */
export class ManifestException extends BadRequestException {
  constructor(message: string, errors?: { field: string; message: string }[]) {
    super({ message, ...(errors ? { errors } : {}) });
  }
}

/** The manifest's JSON parsed and validated, or a ManifestException. */
export function parseManifest(raw: unknown): Manifest {
  const result = validateManifest(raw);
  if (result.errors) {
    const first = result.errors[0];
    throw new ManifestException(`Invalid manifest: ${first.field} ${first.message}`, result.errors);
  }
  return result.manifest;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ManifestException(`The manifest at ${where} is not valid JSON`);
  }
}

/**
 * Fetches a manifest over http(s): at most 256 KB within 10 s, no redirects,
 * and with WEBHOOKS_ALLOW_PRIVATE off no private or loopback host (the same
 * policy as webhook URLs, since the add-on's URLs will be called too).
 */
export async function fetchManifest(urlText: string): Promise<Manifest> {
  const url = parseWebhookUrl(urlText);
  if (typeof url === 'string') throw new ManifestException(url.replace(/^url/, 'manifestUrl'));
  if (!env().WEBHOOKS_ALLOW_PRIVATE) {
    const target = await nonPublicTarget(url).catch(() => {
      throw new ManifestException(`manifestUrl host ${url.hostname} does not resolve`);
    });
    if (target)
      throw new ManifestException(
        `manifestUrl must not point at a private or loopback address (${url.hostname} is ${target})`,
      );
  }
  let text: string;
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { Accept: 'application/json' },
    });
    if (response.status !== 200)
      throw new ManifestException(`Fetching the manifest answered ${response.status}, not 200`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_BYTES) throw new ManifestException(`The manifest is larger than ${MAX_BYTES} bytes`);
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length > MAX_BYTES) throw new ManifestException(`The manifest is larger than ${MAX_BYTES} bytes`);
    text = body.toString('utf8');
  } catch (error) {
    if (error instanceof ManifestException) throw error;
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new ManifestException(
      `Could not fetch the manifest from ${url.toString()}: ${cause ?? (error as Error).message}`,
    );
  }
  return parseManifest(parseJson(text, url.toString()));
}

/** The operator's `--manifest`: an http(s) URL, or a file on this machine. */
export async function loadManifest(source: string): Promise<Manifest> {
  if (/^https?:\/\//i.test(source)) return fetchManifest(source);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (error) {
    throw new ManifestException(
      `Cannot read the manifest file ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseManifest(parseJson(text, source));
}
