import { normalizeColumn } from '@fitgate/core';
import { describe, expect, it } from 'vitest';
import { formatMappingReport } from '../src/format-mapping-report.js';

describe('formatMappingReport', () => {
  it('prints the counts, every value and every unmapped value with its reason', () => {
    const spec = {
      column: 'sector',
      kind: 'industry',
      aliases: { technology: ['tech'] },
      fuzzyFloor: 1,
    };
    const { report } = normalizeColumn(spec, ['Tech', 'a|b', 'Tech', '']);
    expect(formatMappingReport(report, { source: 'leads.csv' })).toBe(
      [
        '## sector (industry)',
        '',
        'Source: leads.csv',
        '',
        '4 values: 2 mapped, 1 unmapped, 1 missing; 3 distinct.',
        '',
        '| raw | mapped to | method | confidence | count |',
        '| --- | --- | --- | ---: | ---: |',
        '| `Tech` | technology | alias | 1.00 | 2 |',
        '| (empty) | (missing) |  |  | 1 |',
        '| `a\\|b` | (unmapped) |  |  | 1 |',
        '',
        '### Unmapped values (1)',
        '',
        '| raw | count | reason |',
        '| --- | ---: | --- |',
        '| `a\\|b` | 1 | no label or alias within similarity 1 (closest: "tech", 0.00) |',
        '',
      ].join('\n'),
    );
  });
});
