import { describe, expect, it } from 'vitest';
import { matchesTerritory, parseTerritory } from '../src/index.js';

describe('matchesTerritory', () => {
  const emeaEnterprise = parseTerritory('region=EMEA|APAC;segment=Enterprise');

  it('needs every condition, any alternative, compared trimmed and case-insensitively', () => {
    expect(matchesTerritory({ region: ' apac ', segment: 'ENTERPRISE' }, emeaEnterprise)).toBe(
      true,
    );
    expect(matchesTerritory({ region: 'EMEA', segment: 'smb' }, emeaEnterprise)).toBe(false);
    expect(matchesTerritory({ region: 'US', segment: 'enterprise' }, emeaEnterprise)).toBe(false);
  });

  it('never matches a missing, empty or null field', () => {
    const region = parseTerritory('region=EMEA');
    expect(matchesTerritory({}, region)).toBe(false);
    expect(matchesTerritory({ region: null }, region)).toBe(false);
    expect(matchesTerritory({ region: '' }, region)).toBe(false);
  });

  it('reads numbers as text and covers every lead with no conditions', () => {
    expect(matchesTerritory({ zone: 3 }, parseTerritory('zone=3'))).toBe(true);
    expect(matchesTerritory({}, parseTerritory('*'))).toBe(true);
  });

  it('reads only the lead own fields, never inherited ones', () => {
    const lead = Object.create({ region: 'EMEA' }) as Record<string, unknown>;
    expect(matchesTerritory(lead, parseTerritory('region=EMEA'))).toBe(false);
    expect(
      matchesTerritory({}, parseTerritory('constructor=function Object() { [native code] }')),
    ).toBe(false);
  });
});
