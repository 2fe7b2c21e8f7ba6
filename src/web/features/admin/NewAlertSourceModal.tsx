import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { alertSourceCreateSchema, alertSourceKinds, alertSourceSchemes, type AlertSourceKind, type AlertSourceWithSecret } from '../../../shared/alerts/alert-source.schema.js';
import { severities } from '../../../shared/incidents/incident.schema.js';
import { alertSourcesApi } from '../../api/alerts.js';
import { queryKeys } from '../../api/query-keys.js';
import { formLevelError, serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';

export const kindLabels: Record<AlertSourceKind, string> = {
  alertmanager: 'Prometheus Alertmanager',
  grafana: 'Grafana alerting',
  pagerduty: 'PagerDuty (v3 webhooks)',
  opsgenie: 'Opsgenie',
  gitlab: 'GitLab incidents',
  generic: 'Any JSON (field mapping)',
};

const mappingFields = [
  ['externalId', "Alert id", 'alert.id', true],
  ['title', 'Title', 'alert.title', true],
  ['status', 'Status', 'status', false],
  ['occurredAt', 'Time', 'timestamp', false],
  ['severity', 'Severity', 'priority', false],
  ['service', 'Service', 'service', false],
] as const;
type MappingKey = (typeof mappingFields)[number][0];

const empty = { kind: 'alertmanager' as AlertSourceKind, name: '', defaultSeverity: 'sev3', service: '', mapping: {} as Partial<Record<MappingKey, string>> };

/** Creating an alert source: its kind, its name, what its incidents get when the alert does not say; the secret is shown next. */
export function NewAlertSourceModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (source: AlertSourceWithSecret) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: alertSourcesApi.create,
    onSuccess: (source) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.alertSources });
      close();
      onCreated(source);
    },
  });
  const close = () => {
    onClose();
    setValues(empty);
    setErrors({});
    create.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const mapping = Object.fromEntries(Object.entries(values.mapping).filter(([, path]) => path.trim()).map(([key, path]) => [key, path.trim()]));
    const parsed = alertSourceCreateSchema.safeParse({
      kind: values.kind,
      name: values.name,
      settings: { defaultSeverity: values.defaultSeverity, service: values.service.trim() || null, mapping: values.kind === 'generic' ? mapping : null },
    });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) create.mutate(parsed.data);
  };
  const shown = { ...serverFieldErrors(create.error), ...errors };
  const formError = formLevelError(create.error, shown);

  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Text fw={650}>New alert source</Text>}>
      <form onSubmit={submit} aria-label="New alert source" noValidate>
        <Stack gap="md">
          {formError && <Alert color="red" icon={<IconAlertCircle size={18} />}>{formError}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Sends from"
              name="kind"
              data={alertSourceKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
              value={values.kind}
              error={shown.kind}
              onChange={(kind) => kind && setValues((v) => ({ ...v, kind: kind as AlertSourceKind }))}
              allowDeselect={false}
            />
            <TextInput label="Name" name="name" required placeholder="Production Alertmanager" value={values.name} error={shown.name} onChange={(e) => {
                const name = e.currentTarget.value;
                setValues((v) => ({ ...v, name }));
              }} data-autofocus />
          </SimpleGrid>
          <Text fz="xs" c="dimmed">Proves itself with: {alertSourceSchemes[values.kind]}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Severity when the alert gives none"
              name="defaultSeverity"
              data={severities.map((s) => ({ value: s, label: s.toUpperCase() }))}
              value={values.defaultSeverity}
              error={shown['settings.defaultSeverity']}
              onChange={(severity) => severity && setValues((v) => ({ ...v, defaultSeverity: severity }))}
              allowDeselect={false}
            />
            <TextInput label="Service when the alert names none" name="service" placeholder="checkout" value={values.service} error={shown['settings.service']} onChange={(e) => {
                const service = e.currentTarget.value;
                setValues((v) => ({ ...v, service }));
              }} />
          </SimpleGrid>
          {values.kind === 'generic' && (
            <Stack gap={6}>
              <Text fz="sm" fw={600}>Where each field is in the JSON</Text>
              <Text fz="xs" c="dimmed">Dotted paths, such as alert.id. Deliveries with the same alert id update one incident.</Text>
              {shown['settings.mapping'] && <Text fz="xs" c="red">{shown['settings.mapping']}</Text>}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {mappingFields.map(([key, label, placeholder, required]) => (
                  <TextInput
                    key={key}
                    size="xs"
                    label={label}
                    required={required}
                    placeholder={placeholder}
                    value={values.mapping[key] ?? ''}
                    error={shown[`settings.mapping.${key}`]}
                    onChange={(e) => {
                      const path = e.currentTarget.value;
                      setValues((v) => ({ ...v, mapping: { ...v.mapping, [key]: path } }));
                    }}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create source</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
