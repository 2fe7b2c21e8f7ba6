import { describe, expect, it } from 'vitest';
import { baseOfRegularPast, whyQuestion } from './why-question.js';

describe('whyQuestion: the next question from an answer reads as English', () => {
  it.each([
    ['payments-api could not get database connections; the pool was exhausted', 'Why could payments-api not get database connections?'],
    ['The connection pool was exhausted.', 'Why was the connection pool exhausted?'],
    ['The alert wasn’t routed to the on-call engineer', 'Why wasn’t the alert routed to the on-call engineer?'],
    ['The deploy failed', 'Why did the deploy fail?'],
    ['The batch job ran out of memory', 'Why did the batch job run out of memory?'],
    ['The misconfigured pool ran out of connections', 'Why did the misconfigured pool run out of connections?'],
    ['Requests timed out after 30 seconds', 'Why did requests time out after 30 seconds?'],
    ['The retry loop saturated the database, so checkout stalled', 'Why did the retry loop saturate the database?'],
    ['Because the cache expired at midnight', 'Why did the cache expire at midnight?'],
    ['PagerDuty paged nobody', 'Why did PagerDuty page nobody?'],
    ['We have no alert on pool saturation', 'Why have we no alert on pool saturation?'],
    ['Why did the deploy go out on a Friday?', 'Why did the deploy go out on a Friday?'],
    ['A missing index on orders', 'Why is it that a missing index on orders?'],
    ['', ''],
  ])('%s', (answer, expected) => {
    expect(whyQuestion(answer)).toBe(expected);
  });
});

describe('baseOfRegularPast', () => {
  it.each([
    ['failed', 'fail'], ['timed', 'time'], ['retried', 'retry'], ['dropped', 'drop'], ['rolled', 'roll'], ['missed', 'miss'],
    ['opened', 'open'], ['triggered', 'trigger'], ['limited', 'limit'], ['caused', 'cause'], ['exhausted', 'exhaust'], ['configured', 'configure'],
    ['deployed', 'deploy'], ['agreed', 'agree'], ['red', null], ['need', null], ['orders', null],
  ])('%s → %s', (word, expected) => {
    expect(baseOfRegularPast(word)).toBe(expected);
  });
});
