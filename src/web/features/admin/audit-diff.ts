/** What changed between an audit entry's `before` and `after`, field by field, for reading. */
export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  change: 'added' | 'removed' | 'changed' | 'same';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null || before === undefined) return after === null || after === undefined ? [] : [{ field: 'value', before: null, after, change: 'added' }];
    return [{ field: 'value', before, after: after ?? null, change: after === null || after === undefined ? 'removed' : same(before, after) ? 'same' : 'changed' }];
  }
  const b = isRecord(before) ? before : null;
  const a = isRecord(after) ? after : null;
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return fields.map((field) => {
    const was = b ? b[field] : undefined;
    const is = a ? a[field] : undefined;
    const change = !b ? 'added' : !a ? 'removed' : same(was, is) ? 'same' : 'changed';
    return { field, before: was ?? null, after: is ?? null, change };
  });
}

/** `customerImpact` → "Customer impact", `incident_id` → "Incident id". */
export function fieldLabel(field: string): string {
  const words = field.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as text: strings as they are, lists joined, objects as indented JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

export type Tone = 'create' | 'change' | 'remove' | 'access';

/** How an action reads at a glance: made, changed, removed or an access event. */
export function actionTone(action: string): Tone {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  if (/^(create|add|comment|oidc_link|enable)$/.test(verb)) return 'create';
  if (/^(delete|remove|revoke|disable)$/.test(verb)) return 'remove';
  if (/^(sign_in|sign_out|access_change|role_change|password_reset)$/.test(verb)) return 'access';
  return 'change';
}
