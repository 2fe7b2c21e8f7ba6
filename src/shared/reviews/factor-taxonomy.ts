/**
 * The default factor taxonomy: broad categories (from the incident.io guide: technical, human,
 * external; plus process) and finer tags (from the DevOps-library format and the guide's examples).
 * Plain data, so a configured taxonomy can later replace it without code changes; the server
 * exposes the one in force at GET /api/taxonomy and validates factors against it.
 */
export interface TaxonomyCategory {
  key: string;
  label: string;
  description: string;
}

export interface TaxonomyTag {
  key: string;
  label: string;
  /** The category the tag usually belongs to; any tag may be used with any category. */
  category: string;
}

export interface FactorTaxonomy {
  categories: TaxonomyCategory[];
  tags: TaxonomyTag[];
}

export const defaultFactorTaxonomy: FactorTaxonomy = {
  categories: [
    { key: 'technical', label: 'Technical', description: 'Software, infrastructure and data: e.g. a disk filled up, a query without an index.' },
    { key: 'human', label: 'Human', description: 'Conditions people worked under: load, missing information, handovers. Never a person as the cause.' },
    { key: 'process', label: 'Process', description: 'How work is planned, reviewed, deployed and owned.' },
    { key: 'external', label: 'External', description: 'Outside the team: vendors, customers, a marketing event at the same time.' },
  ],
  tags: [
    { key: 'deploy', label: 'Deploy', category: 'technical' },
    { key: 'config', label: 'Configuration', category: 'technical' },
    { key: 'capacity', label: 'Capacity', category: 'technical' },
    { key: 'dependency', label: 'Dependency', category: 'technical' },
    { key: 'data-migration', label: 'Data migration', category: 'technical' },
    { key: 'environment-parity', label: 'Environment parity', category: 'technical' },
    { key: 'monitoring-gap', label: 'Monitoring gap', category: 'technical' },
    { key: 'documentation-gap', label: 'Documentation gap', category: 'process' },
    { key: 'testing-gap', label: 'Testing gap', category: 'process' },
    { key: 'review-gap', label: 'Review gap', category: 'process' },
    { key: 'unclear-ownership', label: 'Unclear ownership', category: 'process' },
    { key: 'communication', label: 'Communication', category: 'process' },
    { key: 'key-person-risk', label: 'Key-person risk', category: 'human' },
    { key: 'cognitive-load', label: 'Cognitive load', category: 'human' },
    { key: 'alert-fatigue', label: 'Alert fatigue', category: 'human' },
    { key: 'vendor', label: 'Vendor', category: 'external' },
    { key: 'traffic-spike', label: 'Traffic spike', category: 'external' },
  ],
};
