/** Internal: dropping undefined options so that the normaliser schema fills in its defaults. */

/** The object without its undefined fields, so that the schema fills in the defaults. */
export function withoutUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
