/**
 * Writes a file atomically (internal): the text goes to a temporary file in the same directory,
 * which is flushed to disk and then renamed over the target. If anything fails, including the
 * caller's row iterator, the temporary file is removed and the target is left as it was.
 */

import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { IoError } from './io-error.js';

/** Writes the chunks to `path` atomically; errors from `chunks` are rethrown unchanged. */
export async function writeAtomic(
  path: string,
  chunks: AsyncIterable<string> | Iterable<string>,
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const handle = await fileStep(path, () => open(temporary, 'wx'));
  let closed = false;

  try {
    // Write every chunk, flush to disk, then replace the target in one step.
    for await (const chunk of chunks) await fileStep(path, () => writeAll(handle, chunk));
    await fileStep(path, () => handle.sync());
    closed = true;
    await fileStep(path, () => handle.close());
    await fileStep(path, () => rename(temporary, path));
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes the whole text, looping over partial writes. */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset);
    offset += bytesWritten;
  }
}

/** Runs a file-system step, turning its failure into a `WRITE_FAILED` error naming the file. */
async function fileStep<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IoError('WRITE_FAILED', `${path}: cannot write the file (${reason})`, {
      file: path,
      cause: error,
    });
  }
}
