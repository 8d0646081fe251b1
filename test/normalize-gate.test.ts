/**
 * Declared normalisers end to end on the real X Education leads: derive maps `Specialization`
 * through the team's taxonomy before binning, stores the spec in the definition, and qualify maps
 * a raw lead value the same way before scoring it.
 */
import { readFileSync } from 'node:fs';
import { deriveIcp, loadIcp, qualify, type IcpDefinition, type MappingReport } from '@fitgate/core';
import { readTable } from '@fitgate/io';
import { industryTaxonomy, normalizerFor } from '@fitgate/normalize';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dataPath } from './helpers.js';

const TAXONOMY = new URL('../examples/normalize/x-education-taxonomy.yaml', import.meta.url);

let icp: IcpDefinition;
const reports: MappingReport[] = [];

beforeAll(async () => {
  const leads = await readTable(dataPath('x-education-leads/Leads.csv.gz'));
  const taxonomy = industryTaxonomy(parse(readFileSync(TAXONOMY, 'utf8')));
  icp = deriveIcp(leads, {
    outcome: 'Converted',
    won: ['1'],
    lost: ['0'],
    missingTokens: ['Select'],
    fit: ['Specialization', 'What is your current occupation'],
    normalizers: [normalizerFor('Specialization', 'industry', { taxonomy })],
    onMappingReport: (report) => reports.push(report),
    createdAt: 't',
  });
});

describe('declared normalisers', () => {
  it('bin the mapped values and keep the spec in the definition', () => {
    const bins = icp.attributes.find((a) => a.name === 'Specialization')!.bins;
    const levels = bins.flatMap((b) => b.categories ?? []);
    expect(levels).toContain('financial services');
    expect(levels).not.toContain('Finance Management');
    expect(icp.normalizers).toHaveLength(1);
    // pandas: (d.Specialization == 'Finance Management').sum() == 976
    const finance = reports[0].values.find((v) => v.raw === 'Finance Management')!;
    expect(finance).toMatchObject({ mapped: 'financial services', count: 976 });
  });

  it('are applied by qualify to a raw lead, also after a JSON round trip', () => {
    const lead = {
      Specialization: 'Finance Management',
      'What is your current occupation': 'Student',
    };
    const loaded = loadIcp(JSON.stringify(icp));
    for (const definition of [icp, loaded]) {
      const reason = qualify(lead, definition).reasons.find(
        (r) => r.attribute === 'Specialization',
      )!;
      expect(reason.code).toBe('BIN');
      expect(reason.value).toBe('financial services');
    }
  });
});
