/** `fitgate enrich` end to end on files in a temporary directory. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrichCommand } from '../src/commands/enrich.js';
import type { CliContext } from '../src/context.js';
import { UsageError } from '../src/errors.js';

let dir = '';
let out: string[] = [];
let err: string[] = [];

function context(): CliContext {
  return {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    cwd: dir,
    env: {},
    now: () => new Date('2024-05-06T09:00:00Z'),
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-enrich-'));
  [out, err] = [[], []];
  await writeFile(
    join(dir, 'leads.csv'),
    'email,name\njo@acme.com,Jo\nann@gmail.com,Ann\n=cmd@evil.com,Eve\n',
  );
  await writeFile(
    join(dir, 'companies.json'),
    JSON.stringify({ 'acme.com': { industry: 'software', employees: 120 } }),
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('fitgate enrich', () => {
  it('writes every input column and the enriched ones, and summarises', async () => {
    const code = await enrichCommand.run(
      [
        'leads.csv',
        '--lookup',
        join(dir, 'companies.json'),
        '--out',
        join(dir, 'enriched.csv'),
      ].map((a) => (a === 'leads.csv' ? join(dir, a) : a)),
      context(),
    );
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'enriched.csv'), 'utf8')).toBe(
      [
        'email,name,domain,free_mail,disposable,industry,employees,enrichment_source',
        'jo@acme.com,Jo,acme.com,false,false,software,120,companies.json row 1',
        'ann@gmail.com,Ann,gmail.com,true,false,,,free-mail address: not a company domain',
        // A cell that a spreadsheet would run as a formula is guarded by @fitgate/io.
        "'=cmd@evil.com,Eve,evil.com,false,false,,,not in companies.json: evil.com",
        '',
      ].join('\n'),
    );
    expect(out.join('')).toBe(
      'enriched 3 leads: 1 found, 1 not found; 1 free mail, 0 disposable, 0 without a domain\n' +
        `wrote ${join(dir, 'enriched.csv')}\n`,
    );
  });

  it('prints a JSON summary with --json', async () => {
    const args = [join(dir, 'leads.csv'), '--out', join(dir, 'e.csv'), '--json'];
    expect(await enrichCommand.run(args, context())).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({
      out: join(dir, 'e.csv'),
      lookup: null,
      leads: 3,
      found: 0,
      notFound: 0,
      freeMail: 1,
      disposable: 0,
      noDomain: 0,
    });
  });

  it('refuses a command line without --out or without a leads file', async () => {
    await expect(enrichCommand.run([join(dir, 'leads.csv')], context())).rejects.toThrow(
      UsageError,
    );
    await expect(enrichCommand.run(['--out', 'x.csv'], context())).rejects.toThrow(
      /expected one leads file/,
    );
    await expect(
      enrichCommand.run(['a.csv', '--out', 'x.csv', '--bogus'], context()),
    ).rejects.toThrow(UsageError);
  });
});
