/**
 * Writes the ICP definition's JSON Schema (generated from the zod schema) to
 * packages/core/schema/icp-definition.schema.json; with --check, fails if the committed file
 * differs from what the zod schema generates now.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { icpJsonSchema } from '../src/schema.js';

const target = fileURLToPath(new URL('../schema/icp-definition.schema.json', import.meta.url));
const text = `${JSON.stringify(icpJsonSchema(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== text) {
    console.error(`${target} is out of date with schema.ts; run: pnpm schema:write`);
    process.exit(1);
  }
  console.log('JSON Schema is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
