import { describe, expect, it } from 'vitest';
import { identifyLead } from '../src/identify-lead.js';

describe('identifyLead', () => {
  it('gives the company domain of a work address to the providers', () => {
    expect(identifyLead({ email: ' Jo@Mail.Acme.co.uk ' })).toEqual({
      domain: 'acme.co.uk',
      freeMail: false,
      disposable: false,
      reason: null,
      input: { email: 'Jo@Mail.Acme.co.uk', domain: 'acme.co.uk', companyName: null },
    });
  });

  it('reports but does not look up free-mail and disposable domains', () => {
    const gmail = identifyLead({ email: 'jo@gmail.com', companyName: 'Acme' });
    expect(gmail).toMatchObject({
      domain: 'gmail.com',
      freeMail: true,
      reason: 'free-mail address: not a company domain',
    });
    expect(gmail.input).toEqual({ email: 'jo@gmail.com', domain: null, companyName: 'Acme' });
    expect(identifyLead({ email: 'x@mailinator.com' })).toMatchObject({
      disposable: true,
      reason: 'disposable address: not a company domain',
      input: { domain: null },
    });
  });

  it('falls back on a website given with the lead', () => {
    expect(identifyLead({ email: 'jo@gmail.com', website: 'https://www.acme.com/' })).toMatchObject(
      {
        domain: 'acme.com',
        freeMail: true,
        reason: null,
        input: { domain: 'acme.com' },
      },
    );
    expect(identifyLead({ website: 'acme.com' }).domain).toBe('acme.com');
  });

  it('says why there is no domain', () => {
    expect(identifyLead({}).reason).toBe('no email address and no website');
    expect(identifyLead({ email: '  ' }).reason).toBe('no email address and no website');
    expect(identifyLead({ email: 'not an address' }).reason).toBe('no "@" in "not an address"');
  });
});
