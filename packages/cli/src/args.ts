/**
 * Small helpers over `node:util` parseArgs shared by the commands: strict parsing that turns
 * mistakes into usage errors, comma lists, `COL=V,V` pairs and numbers.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parse `args` strictly; unknown options and missing values become a UsageError. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** `a,b , c` -> ['a', 'b', 'c']; empty entries are dropped. */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Repeated `COL=V[,V]` options -> { COL: [V, ...] }. */
export function pairs(values: string[] | undefined, option: string): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`--${option} takes COLUMN=VALUE[,VALUE]; got "${value}"`);
    const column = value.slice(0, at).trim();
    out[column] = [...(out[column] ?? []), ...(list(value.slice(at + 1)) ?? [])];
  }
  return out;
}

/** A number option, or undefined; anything else is a usage error naming the option. */
export function numberOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x)) {
    throw new UsageError(`--${option} takes a number; got "${value}"`);
  }
  return x;
}

/** The one positional argument a command needs. */
export function onePositional(positionals: string[], what: string, usage: string): string {
  if (positionals.length !== 1) {
    const got = positionals.length === 0 ? 'none' : positionals.join(' ');
    throw new UsageError(`expected one ${what}; got ${got}\n\n${usage}`);
  }
  return positionals[0];
}

/** A required option, or a usage error naming it. */
export function required(value: string | undefined, option: string, usage: string): string {
  if (value === undefined || value === '') {
    throw new UsageError(`--${option} is required\n\n${usage}`);
  }
  return value;
}

/**
 * A time option (ISO 8601) as ISO text, or a usage error. The calendar date is checked, so
 * `2024-02-30` is refused rather than rolled over to March.
 */
export function timeOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  const real =
    date === null ||
    (() => {
      const d = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
      return d.getUTCMonth() + 1 === Number(date[2]) && d.getUTCDate() === Number(date[3]);
    })();
  if (!Number.isFinite(time) || !real) {
    throw new UsageError(`--${option} takes an ISO date or time, e.g. 2026-12-04; got "${value}"`);
  }
  return new Date(time).toISOString();
}
