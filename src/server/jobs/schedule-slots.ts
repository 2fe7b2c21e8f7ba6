import { CronExpressionParser } from 'cron-parser';

/** The first slot of `cron` strictly after `afterMs`, in `timeZone`. Throws on an invalid expression. */
export function nextSlotMs(cron: string, timeZone: string, afterMs: number): number {
  return CronExpressionParser.parse(cron, { currentDate: new Date(afterMs), tz: timeZone }).next().getTime();
}

/** The idempotency key of a schedule's slot: one job per slot, whichever instance enqueues it. */
export const slotKey = (name: string, slotMs: number): string => `schedule:${name}:${new Date(slotMs).toISOString()}`;
