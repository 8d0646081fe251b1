/**
 * `fitgate suggest-mappings` against a mock endpoint on 127.0.0.1: the unmapped values of the real
 * X Education `Specialization` column go to the model, and its suggestions are written for the
 * team to approve, never applied.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  chatBody,
  startMockEndpoint,
  userMessage,
  type MockEndpoint,
} from '../../review/test/mock-endpoint.js';
import type { CliContext } from '../src/context.js';
import { main } from '../src/main.js';

let endpoint: MockEndpoint;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-suggest-'));
  // The model: management specialisations are financial services or marketing, others none.
  endpoint = await startMockEndpoint((request) => {
    const prompt = userMessage(request);
    if (prompt.includes('Finance Management'))
      return { body: chatBody('financial services | finance') };
    if (prompt.includes('Marketing Management'))
      return { body: chatBody('marketing and advertising | ads') };
    return { body: chatBody('NONE | not an industry') };
  });
});
afterEach(async () => {
  await endpoint.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: dir,
    env,
    now: () => new Date('2026-12-04T00:00:00Z'),
  };
  return { code: await main(args, ctx), stdout, stderr };
}

describe('suggest-mappings', () => {
  it('asks only about unmapped values and writes suggestions, applying none', async () => {
    // Real values of the X Education Specialization column (the default taxonomy maps
    // Travel and Tourism; the others are unmapped).
    const values = ['Finance Management', 'Marketing Management', 'Travel and Tourism', 'Select'];
    await writeFile(join(dir, 'leads.csv'), `Specialization\n${values.join('\n')}\n`);
    const env = { FITGATE_LLM_URL: endpoint.url, FITGATE_LLM_MODEL: 'mock' };
    const args = ['suggest-mappings', join(dir, 'leads.csv'), '--column', 'Specialization'];
    const result = await run([...args, '--missing', 'Select', '--out', join(dir, 's.yaml')], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(endpoint.requests).toHaveLength(2);
    const doc = parse(await readFile(join(dir, 's.yaml'), 'utf8'));
    expect(doc.applied).toBe(false);
    expect(doc.aliases).toEqual({
      'financial services': ['Finance Management'],
      'marketing and advertising': ['Marketing Management'],
    });
    expect(result.stdout).toContain('3 distinct values of Specialization, 2 unmapped');
  });

  it('is a usage error without an endpoint, and sends nothing', async () => {
    await writeFile(join(dir, 'leads.csv'), 'Specialization\nFinance Management\n');
    const args = ['suggest-mappings', join(dir, 'leads.csv'), '--column', 'Specialization'];
    const result = await run([...args, '--out', join(dir, 's.yaml')], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs a model endpoint');
    expect(endpoint.requests).toHaveLength(0);
  });
});
