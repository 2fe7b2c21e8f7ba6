import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.js';
import { endDueSoaks } from './action-item-soak.js';

/**
 * The soak sweep (F12), on a schedule (wiring.ts): ends the soak of every proposed item whose soak
 * time is over and records actionItem.soakEnded for each, once however often or wherever it runs.
 */
export const endSoaksJob = defineJob({
  kind: 'action_items.end_soaks',
  payload: z.object({}).strict(),
  timeoutMs: 5 * 60_000,
  async run({ ctx }) {
    await endDueSoaks(ctx);
  },
});
