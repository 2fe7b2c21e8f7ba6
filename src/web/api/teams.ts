import type { Team, TeamCreate, TeamUpdate } from '../../shared/teams/team.schema.js';
import { api } from './client.js';

export const teamsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Team[] }>('/api/teams', undefined, signal),
  create: (input: TeamCreate) => api.post<Team>('/api/teams', input),
  update: (id: number, input: TeamUpdate) => api.patch<Team>(`/api/teams/${id}`, input),
  remove: (id: number) => api.delete<void>(`/api/teams/${id}`),
};
