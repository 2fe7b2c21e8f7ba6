/**
 * Reads postmortems off the main thread for `hindsight import`: parsing is about half of an import's
 * time, so a worker reads the next batch while the main thread writes this one.
 */
import { parentPort } from 'node:worker_threads';
import { type ImportOptions, importDocument } from '../../shared/imports/postmortem.js';

export interface ParseRequest {
  batch: number;
  documents: Array<{ name: string; content: string }>;
  options: ImportOptions;
}

parentPort?.on('message', ({ batch, documents, options }: ParseRequest) => {
  parentPort!.postMessage({ batch, parsed: documents.map(({ name, content }) => importDocument(name, content, options)) });
});
