/** Reading an ICP definition file for a command, with the file named in any error. */
import { readFile } from 'node:fs/promises';
import { loadIcp, type IcpDefinition } from '@fitgate/core';

/** Read and validate the definition at `path`. */
export async function loadDefinition(path: string): Promise<IcpDefinition> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the ICP definition ${path}: ${(error as Error).message}`);
  }
  try {
    return loadIcp(text);
  } catch (error) {
    (error as Error).message = `${path}: ${(error as Error).message}`;
    throw error;
  }
}
