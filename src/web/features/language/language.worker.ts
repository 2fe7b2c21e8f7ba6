/**
 * The language checker off the main thread: F7 findings for one field as the user types and the
 * F9 quality score over the whole review document (2,000 timeline texts included). This file is
 * the only entry into `src/shared/language` from the web app, so `compromise` ships in the
 * worker's own bundle and is fetched only when an editor starts the worker.
 */
import { checkBlameless } from '../../../shared/language/index.js';
import type { ReviewDocument } from '../../../shared/reviews/review-document.schema.js';
import { reviewPeople, reviewQuality } from '../../../shared/reviews/review-quality.js';
import type { LanguageRequest, LanguageResponse, PeopleSource } from './language-protocol.js';

const reply = (response: LanguageResponse) => self.postMessage(response);

/** reviewPeople reads only the incident's and the review's people; the editor sends just those. */
const peopleOf = (source: PeopleSource | null): string[] => (source ? reviewPeople(source as unknown as ReviewDocument) : []);

function handle(request: LanguageRequest): LanguageResponse {
  switch (request.kind) {
    case 'warmup':
      // Loads compromise's lexicon and warms the tagger before the first keystroke needs it.
      checkBlameless('Bob should have checked the config because of human error.', { people: ['Bob'] });
      return { id: request.id, ok: true, kind: 'warmup' };
    case 'check':
      return { id: request.id, ok: true, kind: 'check', findings: checkBlameless(request.text, { people: peopleOf(request.people) }) };
    case 'quality':
      return { id: request.id, ok: true, kind: 'quality', quality: reviewQuality(request.doc) };
  }
}

self.addEventListener('message', (event: MessageEvent<LanguageRequest>) => {
  try {
    reply(handle(event.data));
  } catch (error) {
    reply({ id: event.data.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
