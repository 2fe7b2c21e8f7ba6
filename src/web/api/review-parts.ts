import type { z } from 'zod';
import type { Factor, FactorCreateInput, FactorUpdate, taxonomySchema } from '../../shared/reviews/factor.schema.js';
import type { AnswerInput, Question } from '../../shared/reviews/question.schema.js';
import type { Whys, WhysCreateInput, WhysUpdate } from '../../shared/reviews/whys.schema.js';
import { api } from './client.js';

export type Taxonomy = z.infer<typeof taxonomySchema>;

export const factorsApi = {
  list: (reviewId: number, signal?: AbortSignal) => api.get<{ items: Factor[] }>(`/api/reviews/${reviewId}/factors`, undefined, signal),
  create: (reviewId: number, input: FactorCreateInput) => api.post<Factor>(`/api/reviews/${reviewId}/factors`, input),
  update: (id: number, update: FactorUpdate) => api.patch<Factor>(`/api/factors/${id}`, update),
  remove: (id: number, version: number) => api.delete<void>(`/api/factors/${id}?version=${version}`),
  taxonomy: (signal?: AbortSignal) => api.get<Taxonomy>('/api/taxonomy', undefined, signal),
};

export const whysApi = {
  list: (reviewId: number, signal?: AbortSignal) => api.get<{ items: Whys[] }>(`/api/reviews/${reviewId}/whys`, undefined, signal),
  create: (reviewId: number, input: WhysCreateInput) => api.post<Whys>(`/api/reviews/${reviewId}/whys`, input),
  update: (id: number, update: WhysUpdate) => api.patch<Whys>(`/api/whys/${id}`, update),
  remove: (id: number, version: number) => api.delete<void>(`/api/whys/${id}?version=${version}`),
};

export const questionsApi = {
  list: (reviewId: number, signal?: AbortSignal) => api.get<{ items: Question[] }>(`/api/reviews/${reviewId}/questions`, undefined, signal),
  answer: (reviewId: number, key: string, input: AnswerInput) => api.put<Question>(`/api/reviews/${reviewId}/questions/${key}`, input),
};
