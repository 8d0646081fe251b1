import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailDomain, MAX_EMAIL_LENGTH } from '../src/email-domain.js';

describe('emailDomain', () => {
  it('lower-cases, drops the trailing dot and keeps multi-part suffixes', () => {
    expect(emailDomain('Jo@Mail.Acme.co.uk.')).toEqual({
      domain: 'acme.co.uk',
      host: 'mail.acme.co.uk',
      freeMail: false,
      disposable: false,
      reason: null,
    });
    expect(emailDomain('ana@ventas.acme.com.ar').domain).toBe('acme.com.ar');
    expect(emailDomain('ana@acme.com').domain).toBe('acme.com');
  });

  it('reads "Name <address>" and mailto:', () => {
    expect(emailDomain('Jane Roe <jane@Acme.com>').domain).toBe('acme.com');
    expect(emailDomain(' mailto:jane@acme.com ').domain).toBe('acme.com');
  });

  it('flags free mail (email-providers) and disposable domains (disposable-email-domains)', () => {
    expect(emailDomain('someone@gmail.com')).toMatchObject({
      domain: 'gmail.com',
      freeMail: true,
      disposable: false,
    });
    expect(emailDomain('someone@yahoo.co.uk')).toMatchObject({ freeMail: true });
    expect(emailDomain('x@mailinator.com')).toMatchObject({ disposable: true });
    expect(emailDomain('x@acme.com')).toMatchObject({ freeMail: false, disposable: false });
  });

  it('gives a reason instead of a domain for what is not an address', () => {
    expect(emailDomain('acme.com').reason).toBe('no "@" in "acme.com"');
    expect(emailDomain('@acme.com').reason).toBe('nothing before the "@" in "@acme.com"');
    expect(emailDomain('jo@127.0.0.1').reason).toBe('an IP address, not a domain');
    expect(emailDomain('jo@localhost').reason).toBe('no registrable domain in "localhost"');
    expect(emailDomain('jo @acme.com').reason).toBe('a space in "jo @acme.com"');
    expect(emailDomain('jo@').reason).toBe('no host');
  });

  it('refuses long input before looking at it', () => {
    for (const text of [
      `${'a'.repeat(1_000_000)}@acme.com`,
      `jo@${'.'.repeat(100_000)}x`,
      '<'.repeat(500_000),
    ]) {
      expect(emailDomain(text).reason).toBe(`longer than ${MAX_EMAIL_LENGTH} characters`);
    }
  });

  it('never throws; a domain it finds gives itself back (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const host = fc
      .tuple(
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('com', 'co.uk', 'com.ar', 'de', 'io'),
      )
      .map(([labels, suffix]) => `${labels.join('.')}.${suffix}`);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          host.map((h) => `jo@${h}`),
        ),
        (email) => {
          const result = emailDomain(email);
          expect((result.domain === null) !== (result.reason === null)).toBe(true);
          if (result.domain !== null)
            expect(emailDomain(`x@${result.domain}`).domain).toBe(result.domain);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
