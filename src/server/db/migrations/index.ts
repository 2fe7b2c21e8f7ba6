import type { Migration } from 'kysely';
import * as incidentsAndReviews from './2026-11-23-0001-incidents-and-reviews.js';

/** Every migration, bundled in code (no globbing at run time), in order. Never edit one that has landed. */
export const migrations: Record<string, Migration> = {
  '2026-11-23-0001-incidents-and-reviews': incidentsAndReviews,
};
