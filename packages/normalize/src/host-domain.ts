/**
 * Internal: the registrable domain of a host name through the public suffix list (tldts), shared
 * by `emailDomain` and `websiteDomain`.
 */
import { parse } from 'tldts';

/**
 * The longest domain name: 253 characters (RFC 1035, section 2.3.4, counted without the final
 * dot).
 */
export const MAX_DOMAIN_LENGTH = 253;

/** A host's registrable domain, or the reason it has none. */
export interface HostDomain {
  host: string | null;
  domain: string | null;
  reason: string | null;
}

/**
 * The registrable domain of `host` ("mail.acme.co.uk" -> "acme.co.uk"), in lower case, without
 * trailing dots. Private suffixes of the list count ("acme.github.io" is its own domain), since
 * a company can own a name under them.
 */
export function hostDomain(rawHost: string): HostDomain {
  // Length first; then lower case and trailing dots cut without a pattern.
  const trimmed = rawHost.trim();
  if (trimmed.length > MAX_DOMAIN_LENGTH + 1) {
    return none(null, `longer than ${MAX_DOMAIN_LENGTH} characters`);
  }
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '.') end--;
  const host = trimmed.slice(0, end).toLowerCase();
  if (host === '') return none(null, 'no host');

  const parsed = parse(host, { allowPrivateDomains: true, extractHostname: false });
  if (parsed.isIp === true) return none(host, 'an IP address, not a domain');
  if (parsed.domain === null) return none(host, `no registrable domain in ${JSON.stringify(host)}`);
  return { host, domain: parsed.domain, reason: null };
}

function none(host: string | null, reason: string): HostDomain {
  return { host, domain: null, reason };
}
