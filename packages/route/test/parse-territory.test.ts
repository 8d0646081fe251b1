import { describe, expect, it } from 'vitest';
import { parseTerritory, RouteError } from '../src/index.js';

describe('parseTerritory', () => {
  it('reads empty and * as every lead', () => {
    expect(parseTerritory('')).toEqual({ text: '', conditions: [] });
    expect(parseTerritory(' * ')).toEqual({ text: '*', conditions: [] });
  });

  it('reads conditions joined by ; and alternatives joined by |, lower-casing values', () => {
    expect(parseTerritory(' Lead Source = Google | Direct Traffic ; Country=India ;')).toEqual({
      text: 'Lead Source = Google | Direct Traffic ; Country=India ;',
      conditions: [
        { field: 'Lead Source', values: ['google', 'direct traffic'] },
        { field: 'Country', values: ['india'] },
      ],
    });
  });

  it('reads plain values against the territory field, alone or mixed', () => {
    expect(parseTerritory('EMEA;segment=smb', 'region').conditions).toEqual([
      { field: 'region', values: ['emea'] },
      { field: 'segment', values: ['smb'] },
    ]);
  });

  it('rejects what it cannot read, with code BAD_TERRITORY', () => {
    const cases: [string, RegExp][] = [
      ['EMEA', /"EMEA" names no field; write field=value/],
      ['=EMEA', /"=EMEA" has no field name/],
      ['region=', /"region=" has an empty or malformed value/],
      ['region=EMEA||US', /has an empty or malformed value/],
      ['region=a=b', /has an empty or malformed value/],
      ['region=EMEA;region=US', /field "region" appears twice .* region=a\|b/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseTerritory(text)).toThrow(message);
      expect(() => parseTerritory(text)).toThrow(RouteError);
    }
  });
});
