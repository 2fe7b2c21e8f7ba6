import { Worker } from 'node:worker_threads';
import type { ImportOptions, ImportedDocument } from '../../shared/imports/postmortem.js';
import type { ParseRequest } from './parse-worker.js';

type Documents = ParseRequest['documents'];

/** Reads a batch of postmortems: on this thread, or on a worker thread (see parse-worker.ts). */
export interface DocumentReader {
  read(documents: Documents, options: ImportOptions): Promise<ImportedDocument[]>;
  close(): Promise<void>;
}

/**
 * One worker thread reading batches in the order asked. Built code runs the worker's .js; the sources
 * (tests, `npm run hindsight`) run its .ts through tsx's loader (a development dependency).
 */
export function readingThread(): DocumentReader {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
  // A worker does not inherit the loader the sources run under: it registers tsx's itself.
  const worker = fromSources
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true })
    : new Worker(entry);
  const waiting = new Map<number, { resolve: (parsed: ImportedDocument[]) => void; reject: (error: unknown) => void }>();
  let failure: unknown = null;
  let next = 0;
  worker.on('message', ({ batch, parsed }: { batch: number; parsed: ImportedDocument[] }) => {
    waiting.get(batch)?.resolve(parsed);
    waiting.delete(batch);
  });
  worker.on('error', (error) => {
    failure = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  });
  return {
    read: (documents, options) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const batch = next++;
        waiting.set(batch, { resolve, reject });
        worker.postMessage({ batch, documents, options } satisfies ParseRequest);
      }),
    close: () => worker.terminate().then(() => undefined),
  };
}
