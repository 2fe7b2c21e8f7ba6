/** When an incident started, as recorded (offset kept): its impact, else detection, else response, else when it was opened. */
export const incidentStartOf = (incident: { impactStartedAt: string | null; detectedAt: string | null; respondedAt: string | null; createdAt: string }): string =>
  incident.impactStartedAt ?? incident.detectedAt ?? incident.respondedAt ?? incident.createdAt;
