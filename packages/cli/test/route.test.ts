/**
 * `fitgate route` end to end on small files in a temporary directory: the output columns and
 * owners, the saved state and restarts, the lock that keeps two runs apart, and the errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveIcp, qualify, type IcpDefinition } from '@fitgate/core';
import { parseCsv, rowObject } from '@fitgate/io';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routeCommand, routeRunFromArgs, runRoute } from '../src/commands/route.js';
import type { CliContext } from '../src/context.js';
import { QUALIFY_COLUMNS } from '../src/qualify-output.js';

/** The routing time of every run: Monday 2024-05-06, 09:00 UTC. */
const NOW = new Date('2024-05-06T09:00:00Z');

/**
 * A one-attribute definition derived from 1,200 synthetic deals: enterprise won 420 of 600, smb
 * won 180 of 600 (IV 0.68, a clear signal). Enterprise scores 100 points and is QUALIFIED, smb
 * scores 0 and is NOT_QUALIFIED, and a lead without a segment misses a key attribute: REVIEW.
 * (Deriving it here, rather than committing a definition, keeps the test valid as the definition
 * schema grows.)
 */
function derivedIcp(): IcpDefinition {
  const deals: Record<string, string>[] = [];
  const add = (segment: string, won: number, lost: number) => {
    for (let i = 0; i < won; i++) deals.push({ segment, stage: 'won' });
    for (let i = 0; i < lost; i++) deals.push({ segment, stage: 'lost' });
  };
  add('enterprise', 420, 180);
  add('smb', 180, 420);
  const options = { outcome: 'stage', won: ['won'], lost: ['lost'], createdAt: '2024-05-01' };
  return deriveIcp(deals, options);
}

let icp: IcpDefinition;

const LEADS = [
  'id,segment,region',
  'l1,enterprise,EMEA',
  'l2,smb,EMEA',
  'l3,enterprise,EMEA',
  'l4,,EMEA',
  'l5,enterprise,US',
  'l6,enterprise,EMEA',
  'l7,enterprise,APAC',
  '',
].join('\n');

/** ana (2) and ben (1) cover EMEA; cy covers US but is away this week; dan is inactive. */
const REPS = [
  'id,name,status,out_from,out_until,territory,weight,capacity',
  'ana,Ana,active,,,region=EMEA,2,',
  'ben,Ben,active,,,region=EMEA,1,',
  'cy,Cy,active,2024-05-06,2024-05-10,region=US,1,',
  'dan,Dan,inactive,,,region=EMEA|US,1,',
  '',
].join('\n');

let dir: string;
const output: { stdout: string; stderr: string } = { stdout: '', stderr: '' };
const ctx = (): CliContext => ({
  stdout: (text) => void (output.stdout += text),
  stderr: (text) => void (output.stderr += text),
  cwd: dir,
  env: {},
  now: () => NOW,
});
const baseArgs = [
  'leads.csv',
  '--icp',
  'icp.json',
  '--reps',
  'reps.csv',
  '--state',
  'state.json',
  '--out',
  'assigned.csv',
];

beforeAll(() => {
  icp = derivedIcp();
  // The verdicts the tests below rely on.
  const verdicts = [{ segment: 'enterprise' }, { segment: 'smb' }, {}].map((l) => qualify(l, icp));
  expect(verdicts.map((v) => v.verdict)).toEqual(['QUALIFIED', 'NOT_QUALIFIED', 'REVIEW']);
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-route-'));
  output.stdout = '';
  output.stderr = '';
  await writeFile(join(dir, 'leads.csv'), LEADS);
  await writeFile(join(dir, 'reps.csv'), REPS);
  await writeFile(join(dir, 'icp.json'), JSON.stringify(icp));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The output file as row objects. */
async function assigned(name = 'assigned.csv') {
  const table = parseCsv(await readFile(join(dir, name), 'utf8'));
  return {
    columns: table.columns,
    rows: Array.from({ length: table.rowCount }, (_, r) => rowObject(table, r)),
  };
}

async function savedState() {
  return JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
}

describe('fitgate route', () => {
  it('writes input columns, qualify columns, rep_id and route_reason, in input order', async () => {
    expect(await routeCommand.run(baseArgs, ctx())).toBe(0);
    const { columns, rows } = await assigned();
    expect(columns).toEqual([
      'id',
      'segment',
      'region',
      ...QUALIFY_COLUMNS,
      'rep_id',
      'route_reason',
    ]);
    expect(rows.map((r) => [r.id, r.verdict, r.rep_id])).toEqual([
      ['l1', 'QUALIFIED', 'ana'],
      ['l2', 'NOT_QUALIFIED', ''],
      ['l3', 'QUALIFIED', 'ben'],
      ['l4', 'REVIEW', ''],
      ['l5', 'QUALIFIED', ''],
      ['l6', 'QUALIFIED', 'ana'],
      ['l7', 'QUALIFIED', ''],
    ]);
    expect(rows.map((r) => r.route_reason)).toEqual([
      'weighted round-robin among ana (2), ben (1); skipped dan (inactive)',
      'verdict NOT_QUALIFIED is not routed (routed verdicts: QUALIFIED)',
      'weighted round-robin among ana (2), ben (1); skipped dan (inactive)',
      'verdict REVIEW is not routed (routed verdicts: QUALIFIED)',
      'no rep available: cy (out of office, back 2024-05-11), dan (inactive)',
      'weighted round-robin among ana (2), ben (1); skipped dan (inactive)',
      `no rep's territory covers this lead (region = "APAC")`,
    ]);
  });

  it('saves the state, removes the lock and prints a summary', async () => {
    await routeCommand.run(baseArgs, ctx());
    const state = await savedState();
    // Five QUALIFIED leads reached the rotation (l1, l3, l5, l6, l7).
    expect(state.revision).toBe(5);
    expect(state.capacity).toEqual({
      period: 'day',
      key: '2024-05-06',
      assigned: { ana: 2, ben: 1 },
    });
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(false);
    expect(output.stdout).toBe(
      [
        `routed 7 leads at 2024-05-06T09:00:00.000Z with ${icp.version}: ` +
          '5 QUALIFIED, 1 NOT_QUALIFIED, 1 REVIEW',
        'assigned:',
        '  ana: 2',
        '  ben: 1',
        '  cy: 0',
        '  dan: 0',
        'unassigned:',
        '  verdict-not-routed: 2',
        '  no-available-rep: 1',
        '  no-territory-match: 1',
        `wrote ${join(dir, 'assigned.csv')}`,
        `saved ${join(dir, 'state.json')} (revision 0 -> 5)`,
        '',
      ].join('\n'),
    );
  });

  it('continues the rotation from the saved state on the next run', async () => {
    // Weights 2 and 1 give ana, ben, ana, then ana, ben, ana again: the second run's first
    // EMEA lead must go to ana (after a full round), its second to ben.
    await routeCommand.run(baseArgs, ctx());
    await writeFile(
      join(dir, 'leads.csv'),
      'id,segment,region\nm1,enterprise,EMEA\nm2,enterprise,EMEA\nm3,enterprise,EMEA\n',
    );
    await routeCommand.run(baseArgs, ctx());
    expect((await assigned()).rows.map((r) => r.rep_id)).toEqual(['ana', 'ben', 'ana']);
    expect((await savedState()).revision).toBe(8);
  });

  it('sends REVIEW leads to the review queue, and writes the audit records', async () => {
    const args = [...baseArgs, '--review-queue', 'sdr-review', '--audit', 'audit.jsonl', '--json'];
    await routeCommand.run(args, ctx());
    const rows = (await assigned()).rows;
    expect(rows[3].rep_id).toBe('sdr-review');
    expect(rows[3].route_reason).toBe('verdict REVIEW: sent to the review queue "sdr-review"');
    const audits = (await readFile(join(dir, 'audit.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audits).toHaveLength(7);
    expect(audits[0]).toMatchObject({
      definitionVersion: icp.version,
      verdict: 'QUALIFIED',
      repId: 'ana',
      rule: 'weighted-round-robin',
      routedAt: '2024-05-06T09:00:00.000Z',
      stateRevision: 1,
    });
    expect(audits[0].reasons[0]).toMatchObject({
      attribute: 'segment',
      value: 'enterprise',
      points: 100,
    });
    const summary = JSON.parse(output.stdout);
    expect(summary).toMatchObject({ leads: 7, queued: 1, assigned: { ana: 2, ben: 1 } });
  });

  it('reads --at, so a rep back from leave takes leads again', async () => {
    await routeCommand.run([...baseArgs, '--at', '2024-05-11T08:00Z'], ctx());
    expect((await assigned()).rows[4].rep_id).toBe('cy');
  });

  it('reads a JSON rep table and plain territories with --territory-field', async () => {
    const reps = [
      { id: 'ana', status: 'active', weight: 1, territory: 'EMEA' },
      { id: 'bo', status: 'active', weight: 1, territory: 'US|APAC' },
    ];
    await writeFile(join(dir, 'reps.json'), JSON.stringify(reps));
    const args = [
      ...baseArgs.slice(0, 4),
      'reps.json',
      ...baseArgs.slice(5),
      '--territory-field',
      'region',
    ];
    await routeCommand.run(args, ctx());
    expect((await assigned()).rows.map((r) => r.rep_id)).toEqual([
      'ana',
      '',
      'ana',
      '',
      'bo',
      'ana',
      'bo',
    ]);
  });
});

describe('fitgate route: one run at a time', () => {
  it('refuses a second run while the first holds the state, in this process', async () => {
    let second: unknown = 'not run';
    const first = await runRoute(routeRunFromArgs(baseArgs, ctx()), ctx(), {
      whileLocked: async () => {
        second = await runRoute(routeRunFromArgs(baseArgs, ctx()), ctx()).catch((e: Error) => e);
      },
    });
    expect(first.revision).toEqual({ from: 0, to: 5 });
    expect(second).toBeInstanceOf(Error);
    expect((second as Error).message).toMatch(
      new RegExp(
        'the routing state is in use by another fitgate route run ' +
          '\\(process \\d+, since 2024-05-06T09:00:00.000Z\\): .*state\\.json\\.lock exists',
      ),
    );
    expect((await savedState()).revision).toBe(5);
  });

  it('refuses a second run from another process while the first holds the state', async () => {
    // The second run is a real process (node with tsx), started while this one holds the lock.
    const script = fileURLToPath(new URL('../src/commands/route.ts', import.meta.url));
    const code = [
      `const { routeCommand } = await import(${JSON.stringify(script)});`,
      'try { process.exitCode = await routeCommand.run(process.argv.slice(1), {',
      '  stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t),',
      `  cwd: ${JSON.stringify(dir)}, env: process.env, now: () => new Date() });`,
      '} catch (e) { process.stderr.write(e.message); process.exitCode = 1; }',
    ].join('\n');
    let child: ReturnType<typeof spawnSync> | undefined;
    await runRoute(routeRunFromArgs(baseArgs, ctx()), ctx(), {
      whileLocked: async () => {
        child = spawnSync(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', code, ...baseArgs],
          { cwd: fileURLToPath(new URL('../../..', import.meta.url)), encoding: 'utf8' },
        );
      },
    });
    expect(child?.status).toBe(1);
    expect(String(child?.stderr)).toMatch(/in use by another fitgate route run/);
    expect((await savedState()).revision).toBe(5);
  });

  it('removes its lock when it is killed', async () => {
    // A real process takes the lock, says so, and waits; SIGTERM must leave no lock behind.
    const script = fileURLToPath(new URL('../src/commands/route.ts', import.meta.url));
    const code = [
      `const { runRoute, routeRunFromArgs } = await import(${JSON.stringify(script)});`,
      `const ctx = { stdout: () => {}, stderr: () => {}, cwd: ${JSON.stringify(dir)},`,
      '  env: process.env, now: () => new Date() };',
      'await runRoute(routeRunFromArgs(process.argv.slice(1), ctx), ctx, {',
      '  whileLocked: () => { process.stdout.write("locked\\n");',
      '    return new Promise(() => setInterval(() => {}, 1000)); } });',
    ].join('\n');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', code, ...baseArgs],
      {
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_, signal) => done(signal)),
    );
    await new Promise<void>((done) =>
      child.stdout.on('data', (chunk) => String(chunk).includes('locked') && done()),
    );
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(false);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
  });

  it('never loses an update when two runs start together', async () => {
    // Whichever way the two runs interleave, each run that succeeds advanced the state by its
    // five routed leads, and the other failed on the lock without writing anything.
    const results = await Promise.allSettled([
      routeCommand.run(baseArgs, ctx()),
      routeCommand.run(baseArgs, ctx()),
    ]);
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    expect(succeeded).toBeGreaterThanOrEqual(1);
    expect((await savedState()).revision).toBe(5 * succeeded);
    for (const r of results) {
      if (r.status === 'rejected')
        expect(String(r.reason)).toMatch(/in use by another fitgate route run/);
    }
  });

  it('leaves a stale lock alone and says how to clear it', async () => {
    await writeFile(join(dir, 'state.json.lock'), '');
    await expect(routeCommand.run(baseArgs, ctx())).rejects.toThrow(
      new RegExp(
        'in use by another fitgate route run: .*state\\.json\\.lock exists\\. Wait for that ' +
          'run to finish; if none is running \\(it crashed\\), delete the lock file',
      ),
    );
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(true);
    expect(existsSync(join(dir, 'assigned.csv'))).toBe(false);
  });

  it('writes nothing when the state changed under a run that held the lock', async () => {
    const replaced = {
      kind: 'fitgate.route-state',
      stateVersion: 1,
      revision: 99,
      routedAt: null,
      pools: [],
      capacity: null,
    };
    const run = runRoute(routeRunFromArgs(baseArgs, ctx()), ctx(), {
      whileLocked: () => writeFile(join(dir, 'state.json'), JSON.stringify(replaced)),
    });
    await expect(run).rejects.toThrow(
      /state\.json changed during the run \(revision 0 became 99\); nothing was written/,
    );
    expect(existsSync(join(dir, 'assigned.csv'))).toBe(false);
    expect((await savedState()).revision).toBe(99);
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(false);
  });
});

describe('fitgate route: errors', () => {
  it('rejects a bad --at or --capacity-period as usage errors', () => {
    expect(() => routeRunFromArgs([...baseArgs, '--at', 'monday'], ctx())).toThrow(
      '--at takes an ISO 8601 date or date-time (2024-05-06 or 2024-05-06T09:00Z); got "monday"',
    );
    expect(() => routeRunFromArgs([...baseArgs, '--capacity-period', 'year'], ctx())).toThrow(
      '--capacity-period takes one of day, week, month; got "year"',
    );
    expect(() => routeRunFromArgs(baseArgs.slice(0, 7), ctx())).toThrow(/--out is required/);
  });

  it('names a territory field that is no lead column, and a queue named like a rep', async () => {
    await writeFile(
      join(dir, 'reps.csv'),
      'id,status,weight,territory\nana,active,1,regoin=EMEA\n',
    );
    await expect(routeCommand.run(baseArgs, ctx())).rejects.toThrow(
      new RegExp(
        'rep "ana" has territory field "regoin", which is not a column of .*leads\\.csv; ' +
          'columns are: id, segment, region',
      ),
    );
    await writeFile(join(dir, 'reps.csv'), REPS);
    await expect(routeCommand.run([...baseArgs, '--review-queue', 'ben'], ctx())).rejects.toThrow(
      '--review-queue "ben" is also a rep id; name the queue apart',
    );
  });

  it('names the file, line and column of a bad rep cell', async () => {
    await writeFile(join(dir, 'reps.csv'), 'id,status,weight\nana,active,1\nben,active,heavy\n');
    await expect(routeCommand.run(baseArgs, ctx())).rejects.toThrow(
      /reps\.csv, line 3, column "weight": weight must be a whole number .*; got "heavy"/,
    );
  });

  it('refuses an earlier day than the state counts, and keeps the state', async () => {
    await routeCommand.run([...baseArgs, '--at', '2024-05-07'], ctx());
    await expect(routeCommand.run([...baseArgs, '--at', '2024-05-06'], ctx())).rejects.toThrow(
      /falls in day 2024-05-06, before the day the routing state is counting \(2024-05-07\)/,
    );
    expect((await savedState()).revision).toBe(5);
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(false);
  });

  it('names the state file when it is not a routing state', async () => {
    await writeFile(join(dir, 'state.json'), '{"kind":"fitgate.icp"}');
    await expect(routeCommand.run(baseArgs, ctx())).rejects.toThrow(
      /state\.json: bad routing state at state\.kind: expected "fitgate\.route-state"/,
    );
    await writeFile(join(dir, 'state.json'), '{');
    await expect(routeCommand.run(baseArgs, ctx())).rejects.toThrow(
      /state\.json is not valid JSON/,
    );
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(false);
  });
});
