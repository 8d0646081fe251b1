/**
 * Cleans up header names (internal): empty headers get a positional name and repeated headers a
 * numeric suffix, so that every column has a unique, non-empty name.
 *
 * - An empty (or all-blank) header at 1-based position `n` becomes `column_n`.
 * - The second and later copies of a name become `name_2`, `name_3`, ... (the first keeps its
 *   name), skipping any suffix that is already a header.
 */

/** Returns unique, non-empty names for the given headers, in the same order. */
export function uniqueHeaderNames(headers: readonly string[]): string[] {
  const taken = new Set(headers);
  const seen = new Set<string>();
  return headers.map((header, index) => {
    const base = header.trim() === '' ? `column_${index + 1}` : header;
    const name =
      seen.has(base) || (base !== header && taken.has(base)) ? freeName(base, taken) : base;
    seen.add(name);
    taken.add(name);
    return name;
  });
}

/** The first of `base_2`, `base_3`, ... that is not taken. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  let k = 2;
  while (taken.has(`${base}_${k}`)) k += 1;
  return `${base}_${k}`;
}
