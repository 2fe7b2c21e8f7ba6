import type { Incident, IncidentCreateInput } from '../../src/shared/incidents/incident.schema.js';
import type { TestApp } from './app.js';

let counter = 0;

export const incidentInput = (overrides: Partial<IncidentCreateInput> = {}): IncidentCreateInput => ({
  title: `Checkout errors ${++counter}`,
  severity: 'sev3',
  userFacing: false,
  services: ['checkout'],
  labels: [],
  commander: 'Sara Lind',
  impactStartedAt: '2026-03-10T09:00:00+01:00',
  ...overrides,
});

export async function createIncident(t: TestApp, overrides: Partial<IncidentCreateInput> = {}): Promise<Incident> {
  const response = await t.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput(overrides) });
  if (response.status !== 201) throw new Error(`createIncident: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
