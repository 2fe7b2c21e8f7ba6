import { unlinkDeletedFactorFromActionItems } from './actions/action-items.service.js';
import type { AppHooks } from './context.js';
import { ensureReviewByPolicy } from './reviews/reviews.service.js';
import { syncKeyTimestampEntries } from './timeline/key-timestamp-entries.js';
import { unlinkDeletedFactorFromWhys } from './whys/whys.service.js';

/**
 * The composition root: how features act on each other's changes without importing each other
 * (docs/ARCHITECTURE.md, "Boundaries"). Reactions run in order inside the change's transaction.
 */
export const appHooks = (): AppHooks => ({
  incidentChanged: [syncKeyTimestampEntries, ensureReviewByPolicy],
  factorDeleted: [unlinkDeletedFactorFromActionItems, unlinkDeletedFactorFromWhys],
});
