/** Each command prints one JSON line on stdout; errors go to stderr with a non-zero exit. */
export function printJson(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export class CliError extends Error {}

export function requireOption(value: string | undefined, flag: string): string {
  if (!value || !value.trim()) throw new CliError(`${flag} is required`);
  return value.trim();
}
