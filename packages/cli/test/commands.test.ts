/**
 * The derive, qualify, explain, cutoffs and audit commands end to end on real data (a sample of
 * the bundled X Education leads) and on broken inputs: errors name the file, line, column and
 * value, exit non-zero and leave no output behind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadIcp } from '@fitgate/core';
import { parseCsv } from '@fitgate/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../src/context.js';
import { main } from '../src/main.js';

const LEADS = new URL('../../../data/x-education-leads/Leads.csv.gz', import.meta.url).pathname;
const FIT = 'What is your current occupation,Specialization,City,Country';
const INTENT = 'Lead Source,TotalVisits,Total Time Spent on Website,Last Activity';

let dir: string;

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: dir,
    env: {},
    now: () => new Date('2026-12-04T00:00:00Z'),
  };
  const code = await main(args, ctx);
  return { code, stdout, stderr };
}

const at = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-cli-'));
  // The first 3,000 X Education leads as a plain CSV (CRLF and the trailing comma kept).
  const text = gunzipSync(readFileSync(LEADS)).toString('utf8');
  const lines = text.split('\r\n');
  await writeFile(at('leads.csv'), lines.slice(0, 3001).join('\r\n') + '\r\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('derive, explain, qualify, cutoffs, audit on real leads', () => {
  it('derives a fit x intent definition with a capacity line and explains it', async () => {
    const derive = await run(
      'derive',
      at('leads.csv'),
      '--outcome',
      'Converted',
      '--won',
      '1',
      '--lost',
      '0',
      '--missing',
      'Select',
      '--fit',
      FIT,
      '--intent',
      INTENT,
      '--capacity',
      '15/week',
      '--volume',
      '100/week',
      '--out',
      at('icp.json'),
    );
    expect(derive.stderr).toBe('');
    expect(derive.code).toBe(0);
    expect(derive.stdout).toContain('wrote');
    const icp = loadIcp(await readFile(at('icp.json'), 'utf8'));
    expect(icp.cutoffs.sql.on).toBe('priority');
    expect(icp.cutoffs.objectives).toMatchObject({ capacity: 15, volume: 100, period: 'week' });
    expect(icp.createdAt).toBe('2026-12-04T00:00:00.000Z');

    const explain = await run('explain', at('icp.json'));
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('Won deals are concentrated in');
    expect(explain.stdout).toContain('Bins and points');
  });

  it('qualifies every lead, keeping input columns and rows in order', async () => {
    const result = await run(
      'qualify',
      at('leads.csv'),
      '--icp',
      at('icp.json'),
      '--out',
      at('scored.csv'),
    );
    expect(result.code).toBe(0);
    const scored = parseCsv(await readFile(at('scored.csv'), 'utf8'));
    const input = parseCsv(await readFile(at('leads.csv'), 'utf8'));
    expect(scored.rowCount).toBe(input.rowCount);
    expect(scored.columns.slice(0, input.columns.length)).toEqual(input.columns);
    expect(scored.columns.slice(input.columns.length)).toEqual([
      'fit_score',
      'intent_score',
      'priority',
      'quadrant',
      'win_probability',
      'verdict',
      'stage',
      'reasons',
    ]);
    const id = scored.columns.indexOf('Prospect ID');
    expect(scored.data[id]).toEqual(input.data[id]);
    const verdicts = new Set(scored.data[scored.columns.indexOf('verdict')]);
    expect([...verdicts].every((v) => ['QUALIFIED', 'NOT_QUALIFIED', 'REVIEW'].includes(v))).toBe(
      true,
    );
  });

  it('recalibrates the lines without refitting, and prints the trade-off tables', async () => {
    const result = await run(
      'cutoffs',
      at('icp.json'),
      '--capacity',
      '30/week',
      '--volume',
      '100/week',
      '--out',
      at('icp2.json'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('pipeline/rep hour');
    const before = loadIcp(await readFile(at('icp.json'), 'utf8'));
    const after = loadIcp(await readFile(at('icp2.json'), 'utf8'));
    expect(after.attributes).toEqual(before.attributes);
    expect(after.cutoffs.sql.score).toBeLessThan(before.cutoffs.sql.score);
  });

  it('audits the current rule against the gate on the same history', async () => {
    const result = await run(
      'audit',
      at('leads.csv'),
      '--icp',
      at('icp.json'),
      '--baseline',
      'TotalVisits >= 5',
      '--json',
    );
    expect(result.code).toBe(0);
    const audit = JSON.parse(result.stdout);
    // Check the baseline by hand: leads with TotalVisits >= 5 among the closed ones.
    const input = parseCsv(await readFile(at('leads.csv'), 'utf8'));
    const visits = input.data[input.columns.indexOf('TotalVisits')];
    const passed = visits.filter((v) => v !== '' && Number(v) >= 5).length;
    expect(audit.baseline.passed).toBe(passed);
    expect(audit.closed).toBe(3000);
    expect(audit.gate.passed).toBeGreaterThan(0);
    expect(audit.inSample).toBe(true);
  });
});

describe('bad inputs', () => {
  it('names a missing outcome column and writes nothing', async () => {
    const result = await run(
      'derive',
      at('leads.csv'),
      '--outcome',
      'Stage',
      '--won',
      'Won',
      '--lost',
      'Lost',
      '--out',
      at('x.json'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no column "Stage"');
    expect(existsSync(at('x.json'))).toBe(false);
  });

  it('says the counts when there is no lost deal', async () => {
    const result = await run(
      'derive',
      at('leads.csv'),
      '--outcome',
      'Converted',
      '--won',
      '1',
      '--lost',
      'nope',
      '--out',
      at('x.json'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/need at least 1 won and 1 lost deal; got \d+ won, 0 lost/);
  });

  it('names the file and line of a ragged row', async () => {
    await writeFile(at('ragged.csv'), 'a,b,won\n1,2,yes\n3,4\n');
    const result = await run(
      'derive',
      at('ragged.csv'),
      '--outcome',
      'won',
      '--won',
      'yes',
      '--lost',
      'no',
      '--out',
      at('x.json'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ragged.csv');
    expect(result.stderr).toMatch(/line 3/);
  });

  it('refuses a hand-edited definition and a newer schema, saying what is wrong', async () => {
    const icp = JSON.parse(await readFile(at('icp.json'), 'utf8'));
    icp.attributes[0].bins[0].points += 5;
    await writeFile(at('edited.json'), JSON.stringify(icp));
    const edited = await run(
      'qualify',
      at('leads.csv'),
      '--icp',
      at('edited.json'),
      '--out',
      at('y.csv'),
    );
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('edited after it was derived');
    icp.schemaVersion = 2;
    await writeFile(at('newer.json'), JSON.stringify(icp));
    const newer = await run('explain', at('newer.json'));
    expect(newer.stderr).toContain('newer than this fitgate reads');
    expect(existsSync(at('y.csv'))).toBe(false);
  });

  it('qualifies a lead file with broken and hostile rows without failing the batch', async () => {
    const rows = [
      'Prospect ID,What is your current occupation,TotalVisits,Specialization',
      'p1,Working Professional,7,Finance Management',
      'p2,,not-a-number,',
      'p3,=HYPERLINK("http://x"),-12.5,@SUM(A1)',
    ];
    await writeFile(at('bad-leads.csv'), rows.join('\n') + '\n');
    const result = await run(
      'qualify',
      at('bad-leads.csv'),
      '--icp',
      at('icp.json'),
      '--out',
      at('bad-scored.csv'),
    );
    expect(result.code).toBe(0);
    const text = await readFile(at('bad-scored.csv'), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(',-12.5,');
    expect(text).toContain("'@SUM(A1)");
    expect(parseCsv(text).rowCount).toBe(3);
  });

  it('turns an unknown option into a usage error with exit code 2 and the usage', async () => {
    const result = await run('qualify', at('leads.csv'), '--icp', at('icp.json'), '--bogus');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: fitgate qualify');
  });

  it('keeps a malformed lead row, sends it to REVIEW with its line, scores the rest', async () => {
    const rows = [
      'Prospect ID,What is your current occupation,TotalVisits',
      'p1,Working Professional,7',
      'p2,Unemployed,3,extra,fields',
      'p3,Student',
    ];
    await writeFile(at('ragged-leads.csv'), rows.join('\n') + '\n');
    const result = await run(
      'qualify',
      at('ragged-leads.csv'),
      '--icp',
      at('icp.json'),
      '--out',
      at('r.csv'),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('line 3: expected 3 fields but found 5');
    expect(result.stderr).toContain('has no column');
    const out = parseCsv(await readFile(at('r.csv'), 'utf8'));
    const verdicts = out.data[out.columns.indexOf('verdict')];
    const reasons = out.data[out.columns.indexOf('reasons')];
    expect(out.rowCount).toBe(3);
    expect(verdicts[1]).toBe('REVIEW');
    expect(reasons[1]).toContain('malformed row (line 3');
    expect(verdicts[2]).toBe('REVIEW');
    expect(reasons[2]).toContain('malformed row (line 4');
    expect(reasons[0]).not.toContain('malformed');
  });
});

describe('time options', () => {
  it('refuses a calendar date that does not exist, and accepts a real one', async () => {
    const bad = await run(
      'qualify',
      at('leads.csv'),
      '--icp',
      at('icp.json'),
      '--out',
      at('t.csv'),
      '--at',
      '2024-02-30',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--at takes an ISO date or time');
    const good = await run(
      'qualify',
      at('leads.csv'),
      '--icp',
      at('icp.json'),
      '--out',
      at('t.csv'),
      '--at',
      '2024-02-29',
    );
    expect(good.code).toBe(0);
  });
});

describe('qualify --adjudicate', () => {
  it('offers the model only well-formed REVIEW rows', async () => {
    const { chatBody, startMockEndpoint } = await import('../../review/test/mock-endpoint.js');
    const endpoint = await startMockEndpoint(() => ({ body: chatBody('NOT_QUALIFIED | no data') }));
    try {
      // Neither lead carries a fit field, so both are REVIEW; the second row is also malformed.
      await writeFile(at('no-fit.csv'), 'Prospect ID,Note\np1,a\np2,b,extra\n');
      const env = { FITGATE_LLM_URL: endpoint.url, FITGATE_LLM_MODEL: 'mock' };
      let stderr = '';
      const ctx: CliContext = {
        stdout: () => {},
        stderr: (t) => void (stderr += t),
        cwd: dir,
        env,
        now: () => new Date('2026-12-04T00:00:00Z'),
      };
      const args = ['qualify', at('no-fit.csv'), '--icp', at('icp.json'), '--out', at('adj.csv')];
      expect(await main([...args, '--adjudicate'], ctx)).toBe(0);
      expect(endpoint.requests).toHaveLength(1);
      const out = parseCsv(await readFile(at('adj.csv'), 'utf8'));
      expect(out.data[out.columns.indexOf('verdict')]).toEqual(['NOT_QUALIFIED', 'REVIEW']);
      expect(out.data[out.columns.indexOf('adjudicated')]).toEqual(['true', 'false']);
      expect(stderr).toContain('line 3');
    } finally {
      await endpoint.close();
    }
  });
});
