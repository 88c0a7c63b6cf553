import { Transform } from 'class-transformer';

/** Query strings carry text: `true`/`false` (any case, also 1/0) become booleans; other text stays, to fail @IsBoolean. */
export const ToBoolean = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value === 'boolean' || value === undefined || value === null) return value;
    const text = String(value).toLowerCase();
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    return value;
  });

/** Whole numbers from the query string; anything else stays as text, to fail @IsInt. */
export const ToInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );

/** `a,b` or repeated `?x=a&x=b` become an array. */
export const ToArray = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === undefined || value === null || value === '') return undefined;
    const list = Array.isArray(value) ? value : [value];
    return list
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  });
