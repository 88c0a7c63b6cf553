import {
  customFieldDefinitionError,
  customFieldValueError,
  MAX_TEXT_VALUE_LENGTH,
  normalizeCustomFieldValue,
} from './custom-field-value';
import type { CustomFieldType } from './entities/custom-field.entity';

const field = (type: CustomFieldType, allowedValues: string[] = []) => ({ type, allowedValues });
const cities = ['London', 'Manila'];

describe('customFieldValueError', () => {
  it.each<CustomFieldType>(['TXT', 'NUMBER', 'DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE', 'CHECKBOX', 'LINK'])(
    'accepts null and undefined for %s',
    (type) => {
      expect(customFieldValueError(field(type, cities), null)).toBeNull();
      expect(customFieldValueError(field(type, cities), undefined)).toBeNull();
    },
  );

  it('TXT takes strings up to the limit', () => {
    expect(customFieldValueError(field('TXT'), 'hello')).toBeNull();
    expect(customFieldValueError(field('TXT'), '')).toBeNull();
    expect(customFieldValueError(field('TXT'), 'x'.repeat(MAX_TEXT_VALUE_LENGTH + 1))).toMatch(/at most/);
    expect(customFieldValueError(field('TXT'), 5)).toMatch(/string/);
    expect(customFieldValueError(field('TXT'), ['a'])).toMatch(/string/);
  });

  it('NUMBER takes finite numbers only', () => {
    expect(customFieldValueError(field('NUMBER'), 42)).toBeNull();
    expect(customFieldValueError(field('NUMBER'), -1.5)).toBeNull();
    expect(customFieldValueError(field('NUMBER'), '42')).toMatch(/number/);
    expect(customFieldValueError(field('NUMBER'), Number.NaN)).toMatch(/number/);
    expect(customFieldValueError(field('NUMBER'), true)).toMatch(/number/);
  });

  it('CHECKBOX takes booleans only', () => {
    expect(customFieldValueError(field('CHECKBOX'), true)).toBeNull();
    expect(customFieldValueError(field('CHECKBOX'), false)).toBeNull();
    expect(customFieldValueError(field('CHECKBOX'), 'true')).toMatch(/true or false/);
    expect(customFieldValueError(field('CHECKBOX'), 1)).toMatch(/true or false/);
  });

  it('DROPDOWN_SINGLE takes one allowed value', () => {
    expect(customFieldValueError(field('DROPDOWN_SINGLE', cities), 'Manila')).toBeNull();
    expect(customFieldValueError(field('DROPDOWN_SINGLE', cities), 'Paris')).toMatch(/allowed/);
    expect(customFieldValueError(field('DROPDOWN_SINGLE', cities), ['Manila'])).toMatch(/allowed/);
  });

  it('DROPDOWN_MULTIPLE takes a list of allowed values', () => {
    expect(customFieldValueError(field('DROPDOWN_MULTIPLE', cities), ['Manila', 'London'])).toBeNull();
    expect(customFieldValueError(field('DROPDOWN_MULTIPLE', cities), [])).toBeNull();
    expect(customFieldValueError(field('DROPDOWN_MULTIPLE', cities), 'Manila')).toMatch(/list/);
    expect(customFieldValueError(field('DROPDOWN_MULTIPLE', cities), ['Manila', 'Paris'])).toMatch(/list/);
    expect(customFieldValueError(field('DROPDOWN_MULTIPLE', cities), [1])).toMatch(/list/);
  });

  it('LINK takes http(s) URLs', () => {
    expect(customFieldValueError(field('LINK'), 'https://example.com/a?b=c')).toBeNull();
    expect(customFieldValueError(field('LINK'), 'http://localhost:8080')).toBeNull();
    expect(customFieldValueError(field('LINK'), 'example.com')).toMatch(/URL/);
    expect(customFieldValueError(field('LINK'), 'javascript:alert(1)')).toMatch(/URL/);
    expect(customFieldValueError(field('LINK'), 7)).toMatch(/URL/);
  });
});

describe('customFieldDefinitionError', () => {
  it('dropdowns need allowed values; other types do not', () => {
    expect(customFieldDefinitionError(field('DROPDOWN_SINGLE'))).toMatch(/allowed value/);
    expect(customFieldDefinitionError(field('DROPDOWN_MULTIPLE'))).toMatch(/allowed value/);
    expect(customFieldDefinitionError(field('DROPDOWN_MULTIPLE', cities))).toBeNull();
    expect(customFieldDefinitionError(field('TXT'))).toBeNull();
  });
});

describe('normalizeCustomFieldValue', () => {
  it('drops repeats from multi-select values and turns undefined into null', () => {
    expect(normalizeCustomFieldValue(field('DROPDOWN_MULTIPLE', cities), ['Manila', 'Manila', 'London'])).toEqual([
      'Manila',
      'London',
    ]);
    expect(normalizeCustomFieldValue(field('TXT'), undefined)).toBeNull();
    expect(normalizeCustomFieldValue(field('NUMBER'), 3)).toBe(3);
  });
});
