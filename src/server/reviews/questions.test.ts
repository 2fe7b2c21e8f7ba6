import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Question } from '../../shared/reviews/question.schema.js';
import { questionKeys } from '../../shared/reviews/review-questions.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get } from '../../../test/support/reviews.js';

describe.each(databaseKinds)('key questions on %s', (kind) => {
  const t = useTestApp(kind);
  const answer = (reviewId: number, key: string, payload: object) =>
    t.request<Question & Problem>({ method: 'PUT', url: `/api/reviews/${reviewId}/questions/${key}`, payload });
  const stored = async (reviewId: number) =>
    t.database.handle.db.selectFrom('review_answers').select('question_key').where('review_id', '=', reviewId).execute();

  it('lists every key question with a null answer until answered, storing only answered ones', async () => {
    const { review } = await createReview(t);
    const { items } = await get<{ items: Question[] }>(t, `/api/reviews/${review.id}/questions`);
    expect(items.map((q) => q.key)).toEqual([...questionKeys]);
    expect(items.every((q) => q.answer === null && q.version === null && q.label.endsWith('?'))).toBe(true);

    const first = await answer(review.id, 'got_lucky', { answer: '  It happened during working hours.  ' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ key: 'got_lucky', answer: 'It happened during working hours.', version: 1 });
    expect(await stored(review.id)).toEqual([{ question_key: 'got_lucky' }]);

    const second = await answer(review.id, 'got_lucky', { answer: 'Working hours, and the DBA was on call.', version: 1 });
    expect(second.body).toMatchObject({ answer: 'Working hours, and the DBA was on call.', version: 2 });
    const listed = await get<{ items: Question[] }>(t, `/api/reviews/${review.id}/questions`);
    expect(listed.items.find((q) => q.key === 'got_lucky')).toEqual(second.body);

    const cleared = await answer(review.id, 'got_lucky', { answer: ' ', version: 2 });
    expect(cleared.body).toMatchObject({ answer: null, version: null });
    expect(await stored(review.id)).toEqual([]);
  });

  it('refuses a second first answer and a stale change with 409 and the current answer', async () => {
    const { review } = await createReview(t);
    await answer(review.id, 'went_well', { answer: 'Rollback took two minutes.' });
    const concurrentFirst = await answer(review.id, 'went_well', { answer: 'The runbook worked.' });
    expect(concurrentFirst.status).toBe(409);
    expect(concurrentFirst.body.current).toMatchObject({ key: 'went_well', answer: 'Rollback took two minutes.', version: 1 });
    await answer(review.id, 'went_well', { answer: 'Rollback took two minutes; the runbook worked.', version: 1 });
    const stale = await answer(review.id, 'went_well', { answer: 'Overwrite', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, answer: 'Rollback took two minutes; the runbook worked.' });
    expect((await t.request({ method: 'DELETE', url: `/api/reviews/${review.id}/questions/went_well?version=1` })).status).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/reviews/${review.id}/questions/went_well?version=2` })).status).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `/api/reviews/${review.id}/questions/went_well?version=2` })).status).toBe(404);
    const removedMeanwhile = await answer(review.id, 'went_well', { answer: 'Typed while it was removed', version: 2 });
    expect(removedMeanwhile.status).toBe(409);
    expect(removedMeanwhile.body.current).toMatchObject({ answer: null, version: null });
  });

  it('answers 404 for an unknown question key', async () => {
    const { review } = await createReview(t);
    const response = await answer(review.id, 'root_cause', { answer: 'x' });
    expect(response.status).toBe(404);
    expect(response.body.detail).toMatch(/detect_sooner/);
  });
});
