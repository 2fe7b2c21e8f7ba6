import type { ChangeImportInput } from './changes-api.js';

/** The format a picked file most likely has: GitHub's deployments carry statuses_url; other JSON is a plain list. */
export function formatOf(name: string, content: string): ChangeImportInput['format'] {
  if (/\.csv$/i.test(name) || !/^\s*[[{]/.test(content)) return 'csv';
  return /"statuses_url"\s*:/.test(content) ? 'github_deployments' : 'json';
}
