/** An email address to its company domain, with free-mail and disposable providers flagged. */
import { hostDomain } from './host-domain.js';
import { inDisposableList, inFreeMailList } from './mail-provider-lists.js';

/**
 * The longest email address: 254 characters (RFC 5321 limits the path to 256 octets, angle
 * brackets included; RFC 3696 erratum 1690). Checked before the address is looked at.
 */
export const MAX_EMAIL_LENGTH = 254;

/** What an email address says about its sender's company. */
export interface EmailDomain {
  /** The registrable domain ("acme.co.uk" for "jo@mail.acme.co.uk"), or null. */
  domain: string | null;
  /** The host part as written, in lower case without trailing dots, or null. */
  host: string | null;
  /** A free-mail provider (gmail.com, yahoo.co.uk, ...): the domain is not the company's. */
  freeMail: boolean;
  /** A disposable-address provider (mailinator.com, ...). */
  disposable: boolean;
  /** Why there is no domain; null when there is one. */
  reason: string | null;
}

/**
 * The company domain of an email address, through the public suffix list (`tldts`).
 *
 * Accepts an address with surrounding spaces, in any case, with a trailing dot, with a `mailto:`
 * prefix or as `Name <address>`. The domain is the registrable one, so multi-part suffixes count
 * ("mail.acme.co.uk" gives "acme.co.uk"). Free-mail providers come from `email-providers` and
 * disposable ones from `disposable-email-domains`; a free-mail address still has a domain, and it
 * is the flag that says it is not a company's. Never throws; the length is checked first.
 *
 * @example
 * emailDomain('Jo@Mail.Acme.co.uk.')
 * // => { domain: 'acme.co.uk', host: 'mail.acme.co.uk', freeMail: false, disposable: false,
 * //      reason: null }
 * emailDomain('someone@gmail.com').freeMail // => true
 */
export function emailDomain(email: string): EmailDomain {
  if (email.length > MAX_EMAIL_LENGTH + 64)
    return fail(`longer than ${MAX_EMAIL_LENGTH} characters`);
  const address = bareAddress(email);
  if (address.length > MAX_EMAIL_LENGTH) return fail(`longer than ${MAX_EMAIL_LENGTH} characters`);

  // The host is what follows the last "@"; the local part must not be empty.
  const at = address.lastIndexOf('@');
  if (at === -1) return fail(`no "@" in ${JSON.stringify(address)}`);
  if (at === 0) return fail(`nothing before the "@" in ${JSON.stringify(address)}`);
  if (/\s/.test(address)) return fail(`a space in ${JSON.stringify(address)}`);

  const { host, domain, reason } = hostDomain(address.slice(at + 1));
  if (host === null || domain === null) return { ...fail(reason ?? 'no domain'), host };
  return {
    domain,
    host,
    freeMail: inFreeMailList(host, domain),
    disposable: inDisposableList(host, domain),
    reason: null,
  };
}

/** The address inside `Name <address>` or after `mailto:`, trimmed. */
function bareAddress(email: string): string {
  let text = email.trim();
  const open = text.lastIndexOf('<');
  const close = text.lastIndexOf('>');
  if (open !== -1 && close > open) text = text.slice(open + 1, close).trim();
  if (text.slice(0, 7).toLowerCase() === 'mailto:') text = text.slice(7).trim();
  return text;
}

function fail(reason: string): EmailDomain {
  return { domain: null, host: null, freeMail: false, disposable: false, reason };
}
