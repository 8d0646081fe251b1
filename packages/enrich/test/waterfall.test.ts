import { describe, expect, it } from 'vitest';
import type { EnrichmentProvider } from '../src/enrichment-types.js';
import { waterfall } from '../src/waterfall.js';

/** A provider that returns fixed fields and counts its calls. */
function fixed(name: string, fields: Record<string, unknown> | null, source?: string) {
  const provider = {
    name,
    calls: 0,
    async enrich() {
      provider.calls++;
      return fields === null ? null : { fields, source };
    },
  };
  return provider;
}

function failing(name: string, message: string): EnrichmentProvider {
  return {
    name,
    async enrich() {
      throw new Error(message);
    },
  };
}

describe('waterfall', () => {
  it('keeps the first non-empty value of each field and records who filled it', async () => {
    const crm = fixed(
      'crm',
      { industry: 'software', employees: '', country: null },
      'crm.csv line 3',
    );
    const vendor = fixed('vendor', {
      industry: 'technology',
      employees: '51-200',
      revenue: '$10M',
    });
    const record = await waterfall([crm, vendor])({ domain: 'acme.com' });

    expect({ ...record.fields }).toEqual({
      industry: { value: 'software', provider: 'crm', source: 'crm.csv line 3' },
      employees: { value: '51-200', provider: 'vendor', source: null },
      revenue: { value: '$10M', provider: 'vendor', source: null },
    });
    expect(record.steps).toEqual([
      { provider: 'crm', outcome: 'filled', fields: ['industry'], reason: null },
      { provider: 'vendor', outcome: 'filled', fields: ['employees', 'revenue'], reason: null },
    ]);
  });

  it('records a failing provider and goes on: the gate is never blocked', async () => {
    const vendor = fixed('vendor', { industry: 'retail' });
    const record = await waterfall([failing('api', 'HTTP 503'), vendor])({ domain: 'acme.com' });
    expect(record.fields.industry.value).toBe('retail');
    expect(record.steps[0]).toEqual({
      provider: 'api',
      outcome: 'failed',
      fields: [],
      reason: 'HTTP 503',
    });
  });

  it('resolves with no fields when every provider fails or finds nothing', async () => {
    const record = await waterfall([failing('a', 'down'), fixed('b', null)])({ email: 'x@y.z' });
    expect(Object.keys(record.fields)).toEqual([]);
    expect(record.steps.map((s) => s.outcome)).toEqual(['failed', 'empty']);
  });

  it('keeps only the wanted fields, and stops asking once they are filled', async () => {
    const first = fixed('first', { industry: 'retail', founded: '1990' });
    const second = fixed('second', { industry: 'x' });
    const record = await waterfall([first, second], { fields: ['industry'] })({});
    expect(Object.keys(record.fields)).toEqual(['industry']);
    expect(second.calls).toBe(0);
    expect(record.steps[1]).toEqual({
      provider: 'second',
      outcome: 'skipped',
      fields: [],
      reason: 'all fields filled',
    });
  });

  it('asks no provider once the caller has aborted', async () => {
    const only = fixed('only', { industry: 'retail' });
    const controller = new AbortController();
    controller.abort();
    const record = await waterfall([only])({}, { signal: controller.signal });
    expect(only.calls).toBe(0);
    expect(record.steps[0].reason).toBe('aborted');
  });

  it('refuses two providers with one name', () => {
    expect(() => waterfall([fixed('a', null), fixed('a', null)])).toThrow(
      'two enrichment providers are named "a"',
    );
  });
});
