import type { KindOverride } from '../model/apiModel';

/** A mistake in how the command was called: printed with the usage text, exit status 2. */
export class UsageError extends Error {}

/** One command-line flag, with its value read inline (`--port=3000`) or from the next argument. */
export interface FlagReader {
  flag: string;
  /** The flag's value; throws a UsageError when there is none. */
  value(): string;
}

/**
 * Walks `argv`, handing each flag to `onFlag` and each other argument to `onPositional`.
 * `onFlag` returns false for a flag it does not know, which is a usage error.
 */
export function walkArgs(argv: readonly string[], onFlag: (reader: FlagReader) => boolean, onPositional: (arg: string) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    if (!flag.startsWith('-') || flag === '-') {
      onPositional(a);
      continue;
    }
    const reader: FlagReader = {
      flag,
      value: () => {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${flag} needs a value`);
        return v;
      },
    };
    if (!onFlag(reader)) throw new UsageError(`unknown option ${flag}`);
  }
}

/** The value of `--api-kind`, shared by every command that reads a definition. */
export function apiKindValue(reader: FlagReader): KindOverride {
  const v = reader.value();
  if (v !== 'auto' && v !== 'rest' && v !== 'http') throw new UsageError(`--api-kind must be auto, rest or http, not '${v}'`);
  return v;
}
