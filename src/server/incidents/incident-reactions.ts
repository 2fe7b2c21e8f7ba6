import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { AppContext, Executor } from '../context.js';

/** An incident as a change left it, and as it was before (null when just created). */
export interface IncidentChange {
  incident: Incident;
  before: Incident | null;
}

/**
 * Work other features do inside the transaction of every incident change: keeping the key
 * timestamps on the timeline, creating the review the policy requires. Wired in server/wiring.ts,
 * so incidents depend on neither feature. Returns true when it changed what reading the incident
 * shows (a review appeared), so the incident is read again.
 */
export type IncidentReaction = (ctx: AppContext, trx: Executor, change: IncidentChange) => Promise<boolean>;
