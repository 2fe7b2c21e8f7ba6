import type { LanguageFinding, QualityScore } from '../../../shared/language/index.js';
import type { ReviewDocument } from '../../../shared/reviews/review-document.schema.js';
import type { LanguageRequest, LanguageResponse, PeopleSource } from './language-protocol.js';

/**
 * The page's side of the language worker: started on first use (the editor warms it up after its
 * first paint), one request/response pair per call. Advice only: when the worker cannot start or
 * fails, the calls reject and the editor simply shows no findings.
 */
type Pending = { resolve: (response: LanguageResponse) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const entry of pending.values()) entry.reject(error);
  pending.clear();
}

function start(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./language.worker.ts', import.meta.url), { type: 'module', name: 'hindsight-language' });
  created.addEventListener('message', (event: MessageEvent<LanguageResponse>) => {
    const entry = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!entry) return;
    if (event.data.ok) entry.resolve(event.data);
    else entry.reject(new Error(event.data.error));
  });
  created.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(new Error(event.message || 'The language checker stopped'));
    created.terminate();
    if (worker === created) worker = null;
  });
  worker = created;
  return created;
}

type Request = LanguageRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

function send(request: Request): Promise<LanguageResponse> {
  return new Promise((resolve, reject) => {
    try {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      start().postMessage({ ...request, id });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Starts the worker and loads the checker, so the first finding appears without a delay. */
export function warmUpLanguageChecker(): void {
  send({ kind: 'warmup' }).catch(() => undefined);
}

/** Recent results by people and text: re-rendering or toggling a form does not check again. */
const recent = new Map<string, LanguageFinding[]>();
const RECENT_LIMIT = 300;

export async function checkBlamelessText(text: string, people: PeopleSource | null): Promise<LanguageFinding[]> {
  const key = `${JSON.stringify(people)}\u0000${text}`;
  const cached = recent.get(key);
  if (cached) return cached;
  const response = await send({ kind: 'check', text, people });
  const findings = response.ok && response.kind === 'check' ? response.findings : [];
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(key, findings);
  return findings;
}

export async function computeReviewQuality(doc: ReviewDocument): Promise<QualityScore> {
  const response = await send({ kind: 'quality', doc });
  if (response.ok && response.kind === 'quality') return response.quality;
  throw new Error('Unexpected answer from the language checker');
}
