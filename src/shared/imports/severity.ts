import type { Severity } from '../incidents/incident.schema.js';

/** A severity as documents write it ("SEV-2", "P1", "Critical") mapped to ours, or null. */
export function severityFrom(written: string | null): Severity | null {
  if (!written) return null;
  const numbered = /\b(?:sev(?:erity)?|p|priority|level)\s*[-_ ]?\s*([0-4])\b/i.exec(written);
  if (numbered) return (['sev1', 'sev1', 'sev2', 'sev3', 'sev4'] as const)[Number(numbered[1])]!;
  if (/critical|blocker|emergency|major outage/i.test(written)) return 'sev1';
  if (/high|major|severe/i.test(written)) return 'sev2';
  if (/medium|moderate|normal/i.test(written)) return 'sev3';
  if (/low|minor|trivial/i.test(written)) return 'sev4';
  return null;
}
