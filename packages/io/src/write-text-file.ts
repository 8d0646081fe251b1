/**
 * Writes a whole text (a JSON document, a report) to a file atomically: it appears whole or not
 * at all.
 */
import { writeAtomic } from './write-atomic.js';

/**
 * Write `text` to `path` through a temporary file renamed over the target.
 *
 * @example
 * await writeTextFile('icp.json', JSON.stringify(icp, null, 2));
 */
export async function writeTextFile(path: string, text: string): Promise<void> {
  await writeAtomic(path, [text]);
}
