import { Transform } from 'class-transformer';

/** Trims surrounding whitespace of a string body field (names); other values pass through to fail validation. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
