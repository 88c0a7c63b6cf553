import { addonUrl, flattenSettings, settingValueError, validateManifest } from './manifest';

const valid = {
  schemaVersion: '1.3',
  key: 'sync.addon',
  name: 'Sync',
  baseUrl: 'https://addon.example.com/base/',
  scopes: ['TIME_ENTRY_READ', 'TIME_ENTRY_READ', 'PROJECT_WRITE'],
  lifecycle: [
    { type: 'installed', path: '/installed' },
    { type: 'SETTINGS-UPDATED', path: 'settings' },
  ],
  webhooks: [{ event: 'NEW_PROJECT', path: '/hooks/project' }],
  components: [{ type: 'sidebar', accessLevel: 'ADMINS', path: '/ui' }],
  settings: {
    tabs: [
      {
        id: 't',
        name: 'Tab',
        settings: [{ id: 'a', name: 'A', type: 'CHECKBOX', value: true, accessLevel: 'ADMINS' }],
        groups: [{ id: 'g', settings: [{ id: 'b', name: 'B', type: 'TXT', value: 'x' }] }],
      },
    ],
  },
};

describe('add-on manifest (schema 1.3)', () => {
  it('accepts a valid manifest, normalising lifecycle types and de-duplicating scopes', () => {
    const { manifest, errors } = validateManifest(valid);
    expect(errors).toBeUndefined();
    expect(manifest?.scopes).toEqual(['TIME_ENTRY_READ', 'PROJECT_WRITE']);
    expect(manifest?.lifecycle.map((l) => l.type)).toEqual(['INSTALLED', 'SETTINGS_UPDATED']);
    expect(flattenSettings(manifest?.settings).map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('defaults schemaVersion to 1.3 and accepts a settings page path', () => {
    const { schemaVersion: _, ...rest } = valid;
    expect(validateManifest({ ...rest, settings: '/settings' }).manifest?.schemaVersion).toBe('1.3');
  });

  it('names every problem by field', () => {
    const { errors } = validateManifest({
      schemaVersion: '1.0',
      key: 'a',
      name: '',
      baseUrl: 'ftp://x',
      scopes: ['ALL'],
      lifecycle: [
        { type: 'INSTALLED', path: '/a' },
        { type: 'INSTALLED', path: '/b' },
        { type: 'BOOT', path: '/c' },
      ],
      webhooks: [{ event: 'NEW_PROJECT' }],
      settings: {
        tabs: [
          {
            id: 't',
            name: 'T',
            settings: [
              { id: 's', name: 'S', type: 'NUMBER', value: 'ten' },
              { id: 's', name: 'S2', type: 'COLOR' },
            ],
          },
        ],
      },
      unknown: true,
    });
    expect(errors?.map((e) => e.field)).toEqual([
      'unknown',
      'schemaVersion',
      'key',
      'name',
      'baseUrl',
      'scopes[0]',
      'lifecycle[1].type',
      'lifecycle[2].type',
      'webhooks[0].path',
      'settings.tabs[0].settings[0].value',
      'settings.tabs[0].settings[1].id',
      'settings.tabs[0].settings[1].type',
    ]);
  });

  it('refuses a non-object and more than 10 webhooks', () => {
    expect(validateManifest([]).errors).toEqual([{ field: 'manifest', message: 'must be a JSON object' }]);
    const many = Array.from({ length: 11 }, () => ({ event: 'NEW_TAG', path: '/t' }));
    expect(validateManifest({ ...valid, webhooks: many }).errors?.[0].field).toBe('webhooks');
  });

  it('joins paths to baseUrl and keeps absolute URLs', () => {
    expect(addonUrl('https://a.example/base/', '/hook')).toBe('https://a.example/base/hook');
    expect(addonUrl('https://a.example/base', 'hook')).toBe('https://a.example/base/hook');
    expect(addonUrl('https://a.example', 'https://b.example/x')).toBe('https://b.example/x');
  });

  it('checks setting values against their type', () => {
    expect(settingValueError({ type: 'DROPDOWN_SINGLE', allowedValues: ['a', 'b'] }, 'c')).toMatch(/one of a, b/);
    expect(settingValueError({ type: 'DROPDOWN_MULTIPLE', allowedValues: ['a', 'b'] }, ['a', 'b'])).toBeNull();
    expect(settingValueError({ type: 'DROPDOWN_MULTIPLE', allowedValues: ['a'] }, ['z'])).toMatch(/z is not/);
    expect(settingValueError({ type: 'NUMBER' }, Number.NaN)).toMatch(/number/);
    expect(settingValueError({ type: 'CHECKBOX' }, 'true')).toMatch(/true or false/);
    expect(settingValueError({ type: 'TXT' }, 'ok')).toBeNull();
  });
});
