/** A website (URL, host name or bare domain) to its registrable domain. */
import { hostDomain } from './host-domain.js';

/**
 * The longest website text read: 2,048 characters, the URL length that browsers and sitemaps
 * (sitemaps.org) commonly accept. Checked before the text is looked at.
 */
export const MAX_WEBSITE_LENGTH = 2048;

/**
 * The registrable domain of a website as CRMs store it: "https://www.acme.com/about",
 * "www.acme.com", "ACME.COM." and "acme.com:8080" all give "acme.com"; "shop.acme.co.uk" gives
 * "acme.co.uk". Returns null for text with no domain (an IP address, "localhost", blank) and for
 * text longer than `MAX_WEBSITE_LENGTH`. Never throws.
 *
 * @example
 * websiteDomain('https://www.Acme.com/about?x=1') // => 'acme.com'
 * websiteDomain('acme.com.ar')                    // => 'acme.com.ar' (com.ar is a public suffix)
 */
export function websiteDomain(website: string): string | null {
  if (website.length > MAX_WEBSITE_LENGTH) return null;
  let text = website.trim();

  // Scheme, then path, query and fragment, then user information and port.
  const scheme = text.indexOf('://');
  if (scheme !== -1 && /^[a-z][a-z0-9+.-]*$/i.test(text.slice(0, scheme)))
    text = text.slice(scheme + 3);
  text = text.slice(0, firstIndex(text, ['/', '?', '#']));
  text = text.slice(text.lastIndexOf('@') + 1);
  if (text.startsWith('[')) return null;
  const colon = text.indexOf(':');
  if (colon !== -1) text = text.slice(0, colon);

  return hostDomain(text).domain;
}

/** The first position of any of `marks` in `text`, or its length. */
function firstIndex(text: string, marks: readonly string[]): number {
  const found = marks.map((m) => text.indexOf(m)).filter((i) => i !== -1);
  return found.length === 0 ? text.length : Math.min(...found);
}
