/**
 * What a lead's email address (or website) says before any provider is asked: its company
 * domain, and whether the address is a free-mail or disposable one.
 */
import { emailDomain, websiteDomain } from '@fitgate/normalize';
import type { EnrichmentInput } from './enrichment-types.js';

/** What is known about a lead's company from its address. */
export interface LeadIdentity {
  /**
   * The company's domain when there is one (from the address, else from the website); else the
   * domain of a free-mail or disposable address; else null.
   */
  domain: string | null;
  /** The address belongs to a free-mail provider: its domain is not the company's. */
  freeMail: boolean;
  /** The address belongs to a disposable-address provider. */
  disposable: boolean;
  /** Why there is no company domain to look up; null when there is one. */
  reason: string | null;
  /** What to give the providers: the domain only when it is a company's. */
  input: EnrichmentInput;
}

/** What `identifyLead` reads. Blank values count as absent. */
export interface LeadContact {
  email?: string | null;
  /** A website or domain given with the lead, used when the email gives no company domain. */
  website?: string | null;
  companyName?: string | null;
}

/**
 * A lead's company domain and address flags, and the input for the providers.
 *
 * The domain comes from the email address through the public suffix list; a free-mail or
 * disposable address still has its domain reported and flagged, but is not given to providers
 * (looking up "gmail.com" would find Google). A website given with the lead is used when the
 * address gives no company domain. Never throws.
 *
 * @example
 * identifyLead({ email: 'jo@mail.acme.co.uk' }).input
 * // => { email: 'jo@mail.acme.co.uk', domain: 'acme.co.uk', companyName: null }
 * identifyLead({ email: 'jo@gmail.com' }).reason
 * // => 'free-mail address: not a company domain'
 */
export function identifyLead(contact: LeadContact): LeadIdentity {
  const email = present(contact.email);
  const companyName = present(contact.companyName);
  const fromEmail = email === null ? null : emailDomain(email);
  const freeMail = fromEmail?.freeMail ?? false;
  const disposable = fromEmail?.disposable ?? false;

  // A company domain: from the address unless it is free or disposable, else from the website.
  const website = present(contact.website);
  const company = freeMail || disposable ? null : (fromEmail?.domain ?? null);
  const domain = company ?? (website === null ? null : websiteDomain(website));
  const reason =
    domain !== null ? null : whyNoDomain(email, fromEmail?.reason ?? null, freeMail, disposable);

  return {
    domain: domain ?? fromEmail?.domain ?? null,
    freeMail,
    disposable,
    reason,
    input: { email, domain, companyName },
  };
}

function whyNoDomain(
  email: string | null,
  reason: string | null,
  freeMail: boolean,
  disposable: boolean,
): string {
  if (disposable) return 'disposable address: not a company domain';
  if (freeMail) return 'free-mail address: not a company domain';
  if (email === null) return 'no email address and no website';
  return reason ?? 'no domain';
}

function present(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value.trim();
}
