import { describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import { ABANDONED_AFTER_MS } from './idempotency.plugin.js';

describe.each(databaseKinds)('Idempotency-Key on %s', (kind) => {
  const t = useTestApp(kind);
  const count = async () => Number((await t.ctx.db.selectFrom('incidents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const create = (key: string, payload: object = incidentInput({ title: `Created with ${key}` }), role: 'admin' | 'responder' = 'admin') =>
    t.requestAs<Incident & { errors?: Array<{ field: string }> }>(role, { method: 'POST', url: '/api/incidents', headers: { 'idempotency-key': key }, payload });

  it('answers a retry with the first answer and creates one record', async () => {
    const before = await count();
    const first = await create('retry-1');
    const again = await create('retry-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(`/api/incidents/${first.body.id}`);
    expect(await count()).toBe(before + 1);
  });

  it('creates one record when the same request races itself', async () => {
    const before = await count();
    const answers = await Promise.all([create('race-1'), create('race-1'), create('race-1')]);
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a key reused for a different request, or malformed, naming the header', async () => {
    await create('reuse-1');
    for (const answer of [await create('reuse-1', incidentInput({ title: 'Something else' })), await create('has spaces')]) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.field).toBe('idempotency-key');
    }
  });

  it('keeps only successful answers: after a 400 the fixed request goes through with the same key', async () => {
    expect((await create('fix-1', { title: '' })).status).toBe(400);
    const fixed = await create('fix-1');
    expect(fixed.status).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps keys per user', async () => {
    const mine = await create('shared-1');
    const theirs = await create('shared-1', incidentInput({ title: 'Created with shared-1' }), 'responder');
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('takes over a reservation whose request never answered (its process died)', async () => {
    const owner = (await t.ctx.db.selectFrom('users').select('id').where('email', '=', 'harness-admin@example.com').executeTakeFirstOrThrow()).id;
    const first = await create('orphan-1');
    await t.ctx.db.updateTable('idempotency_keys').set({ status: null, response: null, created_at_ms: t.clock.now.getTime() - ABANDONED_AFTER_MS - 1 }).where('key', '=', 'orphan-1').where('owner', '=', `user:${owner}`).execute();
    const retried = await create('orphan-1');
    expect(retried.status).toBe(201);
    expect(retried.body.id).not.toBe(first.body.id);
  });
});
