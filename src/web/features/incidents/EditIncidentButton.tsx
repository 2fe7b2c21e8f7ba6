import { Alert, Button, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { incidentsApi } from '../../api/incidents.js';
import { changeKey } from '../../api/live-changes.js';
import { actorName } from '../../api/live-describe.js';
import { queryKeys } from '../../api/query-keys.js';
import { useLastChange } from '../../app/live/use-live.js';
import { useSession } from '../../app/session.js';
import { useAskConflict } from '../../ui/conflict/ConflictProvider.js';
import { saveVersioned } from '../../ui/conflict/save-versioned.js';
import { formLevelError, serverFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { changedIncidentFields, fromIncident, incidentFieldLabels, incidentUpdate, incidentValue, formValue, type IncidentFormValues } from './incident-form.js';
import { IncidentForm } from './IncidentForm.js';
import { useIncident } from './use-incident.js';

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '(none)';
  if (typeof value === 'object' && 'name' in value) return String((value as { name: string }).name);
  return String(value);
};

/** Someone else saved the incident while this dialog is open: say who; saving then merges or asks. */
function ChangedMeanwhile({ base, latest }: { base: Incident; latest: Incident }) {
  const { user } = useSession();
  const change = useLastChange(changeKey.incident(base.id));
  if (latest.version === base.version) return null;
  const who = change ? actorName(change.actor, user?.id ?? null) : 'Someone else';
  return (
    <Alert color="orange" variant="light" icon={<IconUsers size={18} />} data-testid="incident-changed-meanwhile">
      {who} saved this incident while you were editing. Saving keeps their changes to other fields; where you both changed a field, you choose which version to keep.
    </Alert>
  );
}

function EditIncident({ base, onDone }: { base: Incident; onDone: () => void }) {
  const queryClient = useQueryClient();
  const ask = useAskConflict();
  const [start] = useState<IncidentFormValues>(() => fromIncident(base));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const latest = useIncident(base.id).data ?? base;

  const submit = async (values: IncidentFormValues) => {
    const fields = changedIncidentFields(start, values);
    if (fields.length === 0) return onDone();
    const current = queryClient.getQueryData<Incident>(queryKeys.incident(base.id)) ?? base;
    const { body, errors: found } = incidentUpdate(values, fields, current.version);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const result = await saveVersioned<Incident>({
        title: `Incident #${base.id}`,
        version: current.version,
        current,
        changes: fields.map((field) => ({ key: field, label: incidentFieldLabels[field], base: formValue(start, field), mine: formValue(values, field), read: (i) => incidentValue(i, field), format: show })),
        ask,
        send: (version) => incidentsApi.update(base.id, { ...body, version }),
      });
      if (result.outcome === 'cancelled') return;
      queryClient.setQueryData(queryKeys.incident(base.id), result.value);
      void queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidentReview(base.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(base.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.metrics(base.id) });
      notifications.show({ color: 'teal', message: result.outcome === 'saved' ? `Incident #${base.id} saved.` : `Incident #${base.id}: their version kept.` });
      onDone();
    } catch (error) {
      setFailure(error);
      setErrors(serverFieldErrors(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <IncidentForm
      initial={start}
      submitLabel="Save changes"
      onSubmit={(values) => void submit(values)}
      errors={errors}
      formError={formLevelError(failure, errors)}
      submitting={saving}
      onCancel={onDone}
      notice={<ChangedMeanwhile base={base} latest={latest} />}
      timesLocked={base.review?.state === 'published'}
    />
  );
}

/** Edit the incident's title, severity, services, labels, people and key timestamps, with the version guard. */
export function EditIncidentButton({ incident }: { incident: Incident }) {
  const [opened, { open, close }] = useDisclosure(false);
  // The incident as it was when editing began: the base every field is compared with.
  const [base, setBase] = useState(incident);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={16} />}
        onClick={() => {
          setBase(incident);
          open();
        }}
      >
        Edit
      </Button>
      <Modal opened={opened} onClose={close} size={920} title={<Text fw={650}>Edit incident #{incident.id}</Text>}>
        {opened && <EditIncident base={base} onDone={close} />}
      </Modal>
    </>
  );
}
