/**
 * A fast, deterministic, non-cryptographic 64-bit hash (two 32-bit FNV-1a lanes with different
 * offsets), used for the data fingerprint and the definition's content version. It detects
 * accidental change; it is not a defence against deliberate collisions.
 */

import type { TableView } from './table.js';

const FNV_PRIME = 0x01000193;
const OFFSET_A = 0x811c9dc5;
const OFFSET_B = 0x050c5d1f;

/** An incremental hasher: feed strings, read a 16-hex-digit digest. */
export class Hasher {
  private a = OFFSET_A;
  private b = OFFSET_B;

  /** Add a string (its UTF-16 code units) followed by a separator, so ['ab','c'] != ['a','bc']. */
  update(text: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ c, FNV_PRIME) ^ (b >>> 15);
    }
    this.a = Math.imul(a ^ 0x1f, FNV_PRIME);
    this.b = Math.imul(b ^ 0x1f, FNV_PRIME);
    return this;
  }

  /** The digest as 16 lower-case hex digits. */
  digest(): string {
    const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
    return hex(this.a) + hex(this.b);
  }
}

/** Hash a list of strings in one call. */
export function hashStrings(parts: Iterable<string>): string {
  const hasher = new Hasher();
  for (const part of parts) hasher.update(part);
  return hasher.digest();
}

/**
 * Hash of every cell of a table, column by column, with the column names: the fingerprint of the
 * data a definition was derived from (`source.dataHash`).
 */
export function tableHash(table: TableView): string {
  const hasher = new Hasher();
  for (const name of table.columns) {
    hasher.update(name);
    const values = table.column(name);
    for (let r = 0; r < table.rowCount; r++) {
      const v = values[r];
      hasher.update(v === null || v === undefined ? '' : String(v));
    }
  }
  return hasher.digest();
}
