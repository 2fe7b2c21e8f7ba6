import { SimpleGrid, TextInput } from '@mantine/core';
import { keyTimestamps, type KeyTimestamp } from '../../../shared/incidents/incident.schema.js';
import type { FieldErrors } from '../../ui/field-errors.js';

export const keyTimeLabels: Record<KeyTimestamp, string> = {
  impactStartedAt: 'Impact started',
  detectedAt: 'Detected',
  respondedAt: 'Responded (acknowledged)',
  mitigatedAt: 'Mitigated',
  resolvedAt: 'Resolved',
};

interface Props {
  values: Record<KeyTimestamp, string>;
  errors: FieldErrors;
  onChange: (key: KeyTimestamp, value: string) => void;
  /** The incident's review is published: its key timestamps are entries of the published timeline. */
  disabled?: boolean;
}

/** The five key timestamps as native date-time inputs (fully keyboard-operable), in the reader's zone. */
export function KeyTimesFields({ values, errors, onChange, disabled = false }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {keyTimestamps.map((key) => (
        <TextInput
          key={key}
          type="datetime-local"
          label={keyTimeLabels[key]}
          name={key}
          value={values[key]}
          error={errors[key]}
          disabled={disabled}
          onChange={(e) => onChange(key, e.currentTarget.value)}
        />
      ))}
    </SimpleGrid>
  );
}
