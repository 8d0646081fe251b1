/**
 * Internal: the free-mail and disposable provider lists, loaded as JSON modules (no file access)
 * and turned into sets on first use.
 */
import freeMailDomains from 'email-providers/all.json' with { type: 'json' };
import disposableDomains from 'disposable-email-domains/index.json' with { type: 'json' };
import disposableWildcards from 'disposable-email-domains/wildcard.json' with { type: 'json' };

let freeMail: ReadonlySet<string> | undefined;
let disposable: ReadonlySet<string> | undefined;
let disposableParents: ReadonlySet<string> | undefined;

/** Whether `host` or its registrable `domain` is a free-mail provider (email-providers' list). */
export function inFreeMailList(host: string, domain: string | null): boolean {
  freeMail ??= new Set(freeMailDomains);
  return freeMail.has(host) || (domain !== null && freeMail.has(domain));
}

/**
 * Whether `host` is a disposable provider (disposable-email-domains' list), or a subdomain of a
 * provider whose every subdomain is disposable (its wildcard list).
 */
export function inDisposableList(host: string, domain: string | null): boolean {
  disposable ??= new Set(disposableDomains as string[]);
  disposableParents ??= new Set(disposableWildcards);
  if (disposable.has(host) || (domain !== null && disposable.has(domain))) return true;

  // Every parent of the host: "x.y.example.com" -> "y.example.com", "example.com", "com".
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    if (disposableParents.has(host.slice(dot + 1))) return true;
  }
  return disposableParents.has(host);
}
