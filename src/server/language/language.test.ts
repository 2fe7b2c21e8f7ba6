import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import { LANGUAGE_CHECK_MAX_TEXT, type LanguageCheckResponse } from '../../shared/language/language-check.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';

describe.each(databaseKinds)('POST /api/language/check on %s', (kind) => {
  const t = useTestApp(kind);
  const check = (payload: unknown, role: 'viewer' | null = 'viewer') =>
    t.requestAs<LanguageCheckResponse & Problem>(role, { method: 'POST', url: '/api/language/check', payload: payload as object });

  it('answers the findings of a text, each with its kind, explanation and a suggestion built from its sentence', async () => {
    const text = 'Checkout was down for 40 minutes. Sam forgot to renew the certificate.\n\nWe need to be more careful with Terraform.';
    const response = await check({ text });
    expect(response.status).toBe(200);
    expect(response.body.findings.map((f) => [f.rule, f.kind, f.excerpt])).toEqual([
      ['omission', 'counterfactual', 'Sam forgot to'],
      ['exhortation', 'exhortation', 'be more careful'],
    ]);
    const [forgot] = response.body.findings;
    expect(text.slice(forgot!.start, forgot!.end)).toBe(forgot!.excerpt);
    expect(forgot!.suggestion).toContain('renewing the certificate');
    expect(forgot!.suggestion).not.toContain('Sam');
    expect(forgot!.explanation.length).toBeGreaterThan(40);
  });

  it('recognises the people it is given, and leaves neutral narration alone', async () => {
    expect((await check({ text: 'Priya broke the deploy.' })).body.findings).toEqual([]);
    const named = await check({ text: 'Priya broke the deploy.', people: ['Priya Raman'] });
    expect(named.body.findings.map((f) => f.kind)).toEqual(['person_as_cause']);
    expect((await check({ text: 'At 14:02 Priya reverted the change and the job failed to start.', people: ['Priya Raman'] })).body.findings).toEqual([]);
  });

  it('is open to any signed-in user and to nobody else', async () => {
    expect((await check({ text: 'Human error.' }, 'viewer')).status).toBe(200);
    expect((await check({ text: 'Human error.' }, null)).status).toBe(401);
  });

  it('refuses bad input with 400 problem+json naming the field', async () => {
    const missing = await check({ people: ['Sam'] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.field)).toEqual(['text']);
    const tooLong = await check({ text: 'a'.repeat(LANGUAGE_CHECK_MAX_TEXT + 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors?.map((e) => e.field)).toEqual(['text']);
    const badPeople = await check({ text: 'ok', people: [''] });
    expect(badPeople.body.errors?.map((e) => e.field)).toEqual(['people.0']);
    const unknownField = await check({ text: 'ok', peoples: ['Sam'] });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.map((e) => e.field)).toEqual(['peoples']);
  });

  it('bounds the body size', async () => {
    const response = await check({ text: 'x', people: Array.from({ length: 5000 }, () => 'y'.repeat(150)) });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });
});
