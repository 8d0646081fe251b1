/** Reading a small YAML or JSON document given on the command line (rules, intent signals). */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** Parse `path` as YAML (a superset of JSON); errors name the file. */
export async function readDocument(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new Error(`${path} is not valid YAML or JSON: ${(error as Error).message}`);
  }
}
