import { ADDON_SCOPES, AddonScope } from '../../common/auth/scopes';
import { WEBHOOK_EVENTS } from '../webhooks/dto/webhook-requests.dto';
import { parseWebhookUrl } from '../webhooks/url-policy';

/**
 * An add-on manifest, schema 1.3 of the CAKE.com Marketplace (the fields this
 * server reads), checked as pure functions: `validateManifest` answers the
 * manifest or every problem found, each naming its field.
 */
export const SCHEMA_VERSION = '1.3';
export const LIFECYCLE_TYPES = ['INSTALLED', 'DELETED', 'SETTINGS_UPDATED', 'STATUS_CHANGED'] as const;
export type LifecycleType = (typeof LIFECYCLE_TYPES)[number];
export const SETTING_TYPES = [
  'TXT',
  'NUMBER',
  'DROPDOWN_SINGLE',
  'DROPDOWN_MULTIPLE',
  'CHECKBOX',
  'LINK',
  'USER_DROPDOWN_SINGLE',
  'USER_DROPDOWN_MULTIPLE',
] as const;
export type SettingType = (typeof SETTING_TYPES)[number];
const ACCESS_LEVELS = ['ADMINS', 'EVERYONE'];
const MAX_WEBHOOKS = 10;
const KNOWN_FIELDS = [
  'schemaVersion',
  'key',
  'name',
  'baseUrl',
  'description',
  'iconPath',
  'minimalSubscriptionPlan',
  'scopes',
  'lifecycle',
  'webhooks',
  'components',
  'settings',
];

export interface ManifestSetting {
  id: string;
  name: string;
  type: SettingType;
  value: unknown;
  accessLevel: 'ADMINS' | 'EVERYONE';
  allowedValues?: string[];
  required?: boolean;
  [extra: string]: unknown;
}

export interface ManifestSettingsTab {
  id: string;
  name: string;
  settings?: ManifestSetting[];
  groups?: { id: string; title?: string; settings: ManifestSetting[]; [extra: string]: unknown }[];
  [extra: string]: unknown;
}

export interface Manifest {
  schemaVersion: string;
  key: string;
  name: string;
  baseUrl: string;
  description?: string;
  iconPath?: string;
  minimalSubscriptionPlan?: string;
  scopes: AddonScope[];
  lifecycle: { type: LifecycleType; path: string }[];
  webhooks: { event: (typeof WEBHOOK_EVENTS)[number]; path: string; webhookType?: string }[];
  components: Record<string, unknown>[];
  /** Structured settings (stored per installation) or the path of the add-on's own settings page. */
  settings?: { tabs: ManifestSettingsTab[] } | string;
}

export interface ManifestError {
  field: string;
  message: string;
}

export type ManifestResult =
  { manifest: Manifest; errors?: undefined } | { manifest?: undefined; errors: ManifestError[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.trim().length >= min && v.length <= max;

/** `path` made absolute against the manifest's `baseUrl` (an absolute http(s) URL is kept). */
export function addonUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Every setting of a structured `settings`, tabs and groups flattened. */
export function flattenSettings(settings: Manifest['settings']): ManifestSetting[] {
  if (!isObject(settings)) return [];
  return settings.tabs.flatMap((tab) => [...(tab.settings ?? []), ...(tab.groups ?? []).flatMap((g) => g.settings)]);
}

/** Why `value` does not fit `setting`, or null when it does. */
export function settingValueError(
  setting: Pick<ManifestSetting, 'type' | 'allowedValues'>,
  value: unknown,
): string | null {
  switch (setting.type) {
    case 'TXT':
    case 'LINK':
    case 'USER_DROPDOWN_SINGLE':
      return typeof value === 'string' && value.length <= 5000 ? null : 'must be a string (at most 5000 characters)';
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'DROPDOWN_SINGLE':
      if (typeof value !== 'string') return 'must be a string';
      return !setting.allowedValues || setting.allowedValues.includes(value)
        ? null
        : `must be one of ${setting.allowedValues.join(', ')}`;
    case 'DROPDOWN_MULTIPLE':
    case 'USER_DROPDOWN_MULTIPLE':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return 'must be an array of strings';
      if (setting.type === 'DROPDOWN_MULTIPLE' && setting.allowedValues) {
        const bad = value.find((v) => !setting.allowedValues?.includes(v as string));
        if (bad !== undefined) return `${String(bad)} is not one of ${setting.allowedValues.join(', ')}`;
      }
      return null;
  }
}

function checkSetting(raw: unknown, field: string, ids: Set<string>, errors: ManifestError[]): void {
  if (!isObject(raw)) return void errors.push({ field, message: 'must be an object' });
  if (!isText(raw.id, 1, 100)) errors.push({ field: `${field}.id`, message: 'is required (1-100 characters)' });
  else if (ids.has(raw.id)) errors.push({ field: `${field}.id`, message: `duplicates the setting id ${raw.id}` });
  else ids.add(raw.id);
  if (!isText(raw.name, 1, 200)) errors.push({ field: `${field}.name`, message: 'is required (1-200 characters)' });
  if (!SETTING_TYPES.includes(raw.type as SettingType))
    return void errors.push({ field: `${field}.type`, message: `must be one of ${SETTING_TYPES.join(', ')}` });
  if (raw.accessLevel !== undefined && !ACCESS_LEVELS.includes(raw.accessLevel as string))
    errors.push({ field: `${field}.accessLevel`, message: 'must be ADMINS or EVERYONE' });
  if (
    raw.allowedValues !== undefined &&
    !(Array.isArray(raw.allowedValues) && raw.allowedValues.every((v) => typeof v === 'string'))
  ) {
    errors.push({ field: `${field}.allowedValues`, message: 'must be an array of strings' });
    return;
  }
  if (raw.value !== undefined && raw.value !== null) {
    const problem = settingValueError(
      { type: raw.type as SettingType, allowedValues: raw.allowedValues as string[] | undefined },
      raw.value,
    );
    if (problem) errors.push({ field: `${field}.value`, message: problem });
  }
}

function checkSettings(raw: unknown, errors: ManifestError[]): void {
  if (raw === undefined || typeof raw === 'string') return;
  if (!isObject(raw) || !Array.isArray(raw.tabs))
    return void errors.push({ field: 'settings', message: 'must be a path or an object with tabs' });
  const ids = new Set<string>();
  raw.tabs.forEach((tab: unknown, t) => {
    const field = `settings.tabs[${t}]`;
    if (!isObject(tab)) return void errors.push({ field, message: 'must be an object' });
    if (!isText(tab.id, 1, 100)) errors.push({ field: `${field}.id`, message: 'is required' });
    if (!isText(tab.name, 1, 200)) errors.push({ field: `${field}.name`, message: 'is required' });
    if (tab.settings !== undefined && !Array.isArray(tab.settings))
      errors.push({ field: `${field}.settings`, message: 'must be an array' });
    (Array.isArray(tab.settings) ? tab.settings : []).forEach((s: unknown, i) =>
      checkSetting(s, `${field}.settings[${i}]`, ids, errors),
    );
    if (tab.groups !== undefined && !Array.isArray(tab.groups))
      errors.push({ field: `${field}.groups`, message: 'must be an array' });
    (Array.isArray(tab.groups) ? tab.groups : []).forEach((g: unknown, gi) => {
      const gField = `${field}.groups[${gi}]`;
      if (!isObject(g) || !isText(g.id, 1, 100) || !Array.isArray(g.settings))
        return void errors.push({ field: gField, message: 'must have an id and settings' });
      g.settings.forEach((s: unknown, i) => checkSetting(s, `${gField}.settings[${i}]`, ids, errors));
    });
  });
}

/** Lifecycle types as written in the docs' variants (`SETTINGS-UPDATED`, lower case) to the canonical form. */
function lifecycleType(value: unknown): LifecycleType | null {
  if (typeof value !== 'string') return null;
  const canonical = value.trim().toUpperCase().replace(/-/g, '_');
  return (LIFECYCLE_TYPES as readonly string[]).includes(canonical) ? (canonical as LifecycleType) : null;
}

function checkPath(value: unknown, field: string, baseUrl: string | null, errors: ManifestError[]): boolean {
  if (!isText(value, 1, 2000)) {
    errors.push({ field, message: 'is required (a path under baseUrl)' });
    return false;
  }
  if (baseUrl && typeof parseWebhookUrl(addonUrl(baseUrl, value)) === 'string') {
    errors.push({ field, message: 'does not make a valid http(s) URL with baseUrl' });
    return false;
  }
  return true;
}

export function validateManifest(raw: unknown): ManifestResult {
  if (!isObject(raw)) return { errors: [{ field: 'manifest', message: 'must be a JSON object' }] };
  const errors: ManifestError[] = [];
  for (const field of Object.keys(raw))
    if (!KNOWN_FIELDS.includes(field)) errors.push({ field, message: 'is not a property of manifest schema 1.3' });

  const schemaVersion = raw.schemaVersion ?? SCHEMA_VERSION;
  if (schemaVersion !== SCHEMA_VERSION)
    errors.push({ field: 'schemaVersion', message: `must be "${SCHEMA_VERSION}" (the schema this server reads)` });
  if (!(typeof raw.key === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/.test(raw.key))) {
    errors.push({ field: 'key', message: 'is required: 2-50 letters, digits, dots, dashes or underscores' });
  }
  if (!isText(raw.name, 1, 50)) errors.push({ field: 'name', message: 'is required (1-50 characters)' });
  let baseUrl: string | null = null;
  if (typeof raw.baseUrl !== 'string' || typeof parseWebhookUrl(raw.baseUrl) === 'string')
    errors.push({ field: 'baseUrl', message: 'is required: an absolute http(s) URL' });
  else baseUrl = raw.baseUrl;
  if (raw.description !== undefined && !isText(raw.description, 0, 5000))
    errors.push({ field: 'description', message: 'must be a string' });
  if (raw.iconPath !== undefined && !isText(raw.iconPath, 1, 2000))
    errors.push({ field: 'iconPath', message: 'must be a path' });
  if (raw.minimalSubscriptionPlan !== undefined && typeof raw.minimalSubscriptionPlan !== 'string')
    errors.push({ field: 'minimalSubscriptionPlan', message: 'must be a string' });

  const scopes = raw.scopes ?? [];
  if (!Array.isArray(scopes)) errors.push({ field: 'scopes', message: 'must be an array' });
  else
    scopes.forEach((s: unknown, i) => {
      if (!ADDON_SCOPES.includes(s as AddonScope))
        errors.push({
          field: `scopes[${i}]`,
          message: `${String(s)} is not a scope (one of ${ADDON_SCOPES.join(', ')})`,
        });
    });

  const lifecycle: Manifest['lifecycle'] = [];
  const rawLifecycle = raw.lifecycle ?? [];
  if (!Array.isArray(rawLifecycle)) errors.push({ field: 'lifecycle', message: 'must be an array' });
  else
    rawLifecycle.forEach((l: unknown, i) => {
      const field = `lifecycle[${i}]`;
      if (!isObject(l)) return void errors.push({ field, message: 'must be an object with type and path' });
      const type = lifecycleType(l.type);
      if (!type) errors.push({ field: `${field}.type`, message: `must be one of ${LIFECYCLE_TYPES.join(', ')}` });
      else if (lifecycle.some((x) => x.type === type))
        errors.push({ field: `${field}.type`, message: `${type} is declared twice` });
      if (checkPath(l.path, `${field}.path`, baseUrl, errors) && type) lifecycle.push({ type, path: l.path as string });
    });

  const rawWebhooks = raw.webhooks ?? [];
  if (!Array.isArray(rawWebhooks)) errors.push({ field: 'webhooks', message: 'must be an array' });
  else {
    if (rawWebhooks.length > MAX_WEBHOOKS)
      errors.push({ field: 'webhooks', message: `an add-on can have at most ${MAX_WEBHOOKS} webhooks` });
    rawWebhooks.forEach((w: unknown, i) => {
      const field = `webhooks[${i}]`;
      if (!isObject(w)) return void errors.push({ field, message: 'must be an object with event and path' });
      if (!WEBHOOK_EVENTS.includes(w.event as (typeof WEBHOOK_EVENTS)[number]))
        errors.push({ field: `${field}.event`, message: 'must be a webhook event of the reference' });
      checkPath(w.path, `${field}.path`, baseUrl, errors);
    });
  }

  const components = raw.components ?? [];
  if (!Array.isArray(components) || !components.every(isObject))
    errors.push({ field: 'components', message: 'must be an array of objects' });
  else
    components.forEach((c, i) => {
      if (!isText(c.type, 1, 100)) errors.push({ field: `components[${i}].type`, message: 'is required' });
      if (!isText(c.path, 1, 2000)) errors.push({ field: `components[${i}].path`, message: 'is required' });
    });
  checkSettings(raw.settings, errors);

  if (errors.length) return { errors };
  return {
    manifest: {
      ...(raw as Record<string, unknown>),
      schemaVersion: SCHEMA_VERSION,
      key: raw.key as string,
      name: (raw.name as string).trim(),
      baseUrl: raw.baseUrl as string,
      scopes: [...new Set(scopes as AddonScope[])],
      lifecycle,
      webhooks: rawWebhooks as Manifest['webhooks'],
      components: components as Record<string, unknown>[],
    } as Manifest,
  };
}
