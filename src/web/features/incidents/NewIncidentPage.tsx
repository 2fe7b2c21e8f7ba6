import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { IncidentCreateInput } from '../../../shared/incidents/incident.schema.js';
import { incidentsApi } from '../../api/incidents.js';
import { queryKeys } from '../../api/query-keys.js';
import { formLevelError, serverFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { Page } from '../../ui/Page.js';
import { validateIncident, type IncidentFormValues } from './incident-form.js';
import { IncidentForm } from './IncidentForm.js';

export default function NewIncidentPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (input: IncidentCreateInput) => incidentsApi.create(input),
    onSuccess: (incident) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
      notifications.show({ color: 'teal', title: `Incident #${incident.id} recorded`, message: incident.title });
      void navigate(`/incidents/${incident.id}`);
    },
  });
  const serverErrors = serverFieldErrors(create.error);
  const errors = { ...serverErrors, ...clientErrors };

  const submit = (values: IncidentFormValues) => {
    const { input, errors: found } = validateIncident(values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      // Move focus to the first field that needs attention.
      const first = Object.keys(found)[0];
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
      return;
    }
    create.mutate(input);
  };

  return (
    <Page
      title="New incident"
      description="Record what happened. Hindsight decides from the severity, user impact and labels whether it needs a review once resolved."
      crumbs={[{ label: 'Incidents', to: '/incidents' }]}
      maxWidth={960}
    >
      <IncidentForm onSubmit={submit} errors={errors} formError={formLevelError(create.error, serverErrors)} submitting={create.isPending} onCancel={() => void navigate('/incidents')} />
    </Page>
  );
}
