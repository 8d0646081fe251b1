/** Whether two addresses or websites belong to the same registrable domain. */
import { websiteDomain } from './website-domain.js';

/**
 * True when `a` and `b` (websites, host names, bare domains or email addresses) have the same
 * registrable domain. Never a substring test: "acme.com" is not "notacme.com" nor
 * "acme.com.ar", while "www.acme.com" and "jo@mail.acme.com" are "acme.com". False when either
 * has no domain.
 *
 * @example
 * sameDomain('acme.com', 'https://www.acme.com/') // => true
 * sameDomain('acme.com', 'notacme.com')           // => false
 */
export function sameDomain(a: string, b: string): boolean {
  const left = websiteDomain(a);
  return left !== null && left === websiteDomain(b);
}
