import type { FactorKind } from '../../../../shared/reviews/factor.schema.js';

export const factorKindMeta: Record<FactorKind, { label: string; singular: string; color: string; hint: string; placeholder: string }> = {
  contributor: {
    label: 'Contributors',
    singular: 'contributor',
    color: 'orange',
    hint: 'Conditions that allowed the incident to happen or made it worse.',
    placeholder: 'The staging database is much smaller than production',
  },
  mitigator: {
    label: 'Mitigators',
    singular: 'mitigator',
    color: 'teal',
    hint: 'What reduced the impact: controls that worked, good timing, expertise on call.',
    placeholder: 'Rollback took two minutes thanks to the deploy pipeline',
  },
  risk: {
    label: 'Risks',
    singular: 'risk',
    color: 'red',
    hint: 'Broader risks the incident revealed, e.g. key-person risk.',
    placeholder: 'Only one engineer knows how the queue is partitioned',
  },
  learning: {
    label: 'Learnings',
    singular: 'learning',
    color: 'blue',
    hint: 'What we now understand about how the system or the response behaves.',
    placeholder: 'Connection pool exhaustion shows up as timeouts, not errors',
  },
};
