import fs from 'node:fs/promises';
import { MAX_DOCUMENTS, MAX_DOCUMENT_CHARS, type ImportResult } from '../../shared/imports/import.schema.js';
import { callApi, type ApiClient } from '../client-cli/api-client.js';
import type { FileImportOptions, FileOutcome, PostmortemFile } from './import-cli.js';

/** Under POST /api/imports' body limit (8 MiB), with room for the JSON around the texts. */
const REQUEST_BYTES = 6 * 1024 * 1024;

/**
 * `hindsight import --url ...`: the files sent to a server's POST /api/imports with an API token, a
 * batch at a time (at most MAX_DOCUMENTS and a few MiB each); each file is imported there in one
 * transaction, audited as the token's user.
 */
export async function importOverApi(api: ApiClient, files: PostmortemFile[], options: FileImportOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  let batch: Array<{ file: PostmortemFile; content: string }> = [];
  let bytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    const documents = batch.map(({ file, content }) => ({ name: file.name.slice(-500), content }));
    const result = await callApi<ImportResult>(api, { method: 'POST', path: '/api/imports', body: { ...options, documents } });
    result.documents.forEach((document, k) => outcomes.push({ file: batch[k]!.file, result: document, problem: document.error }));
    batch = [];
    bytes = 0;
  };
  for (const file of files) {
    const content = await fs.readFile(file.path, 'utf8');
    if (!content.trim()) outcomes.push({ file, result: null, problem: 'the file is empty' });
    else if (content.length > MAX_DOCUMENT_CHARS) outcomes.push({ file, result: null, problem: `longer than ${MAX_DOCUMENT_CHARS} characters` });
    else {
      const size = Buffer.byteLength(content) * 1.2 + 1024; // JSON escapes
      if (batch.length >= MAX_DOCUMENTS || (batch.length > 0 && bytes + size > REQUEST_BYTES)) await send();
      batch.push({ file, content });
      bytes += size;
    }
  }
  await send();
  return outcomes;
}
