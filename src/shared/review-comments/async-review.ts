/**
 * When the async review is complete (F10), the gate before the meeting. Pure, so the server's
 * gate and the web's sign-off panel give the same answer.
 *
 * Complete means: at least one reviewer was asked, every one of them signed off (a request for
 * changes counts as not yet), and no thread is left open unless it is flagged as a question for
 * the meeting (those are what the meeting is for; every other open thread blocks).
 */
import type { SignOffStatus } from './sign-off.schema.js';

export interface AsyncReviewFacts {
  reviewers: Array<{ name: string; status: SignOffStatus }>;
  openThreads: Array<{ forMeeting: boolean }>;
}

export interface AsyncReviewVerdict {
  complete: boolean;
  gaps: string[];
}

const names = (list: Array<{ name: string }>) => list.map((r) => r.name).join(', ');

export function asyncReviewVerdict(facts: AsyncReviewFacts): AsyncReviewVerdict {
  const gaps: string[] = [];
  if (facts.reviewers.length === 0) gaps.push('Ask at least one reviewer to read the review and sign off');
  const changes = facts.reviewers.filter((r) => r.status === 'changes_requested');
  const waiting = facts.reviewers.filter((r) => r.status === 'requested');
  if (changes.length) gaps.push(`Changes requested by ${names(changes)}: address them and ask for their sign-off again`);
  if (waiting.length) gaps.push(`Waiting for the sign-off of ${names(waiting)}`);
  const blocking = facts.openThreads.filter((t) => !t.forMeeting).length;
  if (blocking) gaps.push(`${blocking} open comment thread${blocking === 1 ? '' : 's'}: resolve ${blocking === 1 ? 'it' : 'them'}, or flag ${blocking === 1 ? 'it' : 'them'} as a question for the meeting`);
  return { complete: gaps.length === 0, gaps };
}
