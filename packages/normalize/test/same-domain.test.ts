import { describe, expect, it } from 'vitest';
import { sameDomain } from '../src/same-domain.js';
import { websiteDomain } from '../src/website-domain.js';

describe('websiteDomain', () => {
  it.each([
    ['https://www.Acme.com/about?x=1#top', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['ACME.COM.', 'acme.com'],
    ['http://user:pw@shop.acme.co.uk:8080/x', 'acme.co.uk'],
    ['acme.com.ar', 'acme.com.ar'],
    ['jo@mail.acme.com', 'acme.com'],
  ])('%j -> %j', (website, domain) => {
    expect(websiteDomain(website)).toBe(domain);
  });

  it.each([[''], ['localhost'], ['http://127.0.0.1/'], ['[::1]:80'], ['x'.repeat(5000)]])(
    '%j has no domain',
    (website) => {
      expect(websiteDomain(website)).toBeNull();
    },
  );
});

describe('sameDomain', () => {
  it('never matches by substring', () => {
    expect(sameDomain('acme.com', 'notacme.com')).toBe(false);
    expect(sameDomain('acme.com', 'acme.com.ar')).toBe(false);
    expect(sameDomain('acme.com', 'acme.co')).toBe(false);
    expect(sameDomain('acme.co.uk', 'co.uk')).toBe(false);
  });

  it('matches subdomains, schemes, paths and addresses of one domain', () => {
    expect(sameDomain('acme.com', 'https://www.acme.com/')).toBe(true);
    expect(sameDomain('jo@mail.acme.com', 'acme.com')).toBe(true);
  });

  it('is false when either side has no domain', () => {
    expect(sameDomain('', '')).toBe(false);
    expect(sameDomain('localhost', 'localhost')).toBe(false);
  });
});
