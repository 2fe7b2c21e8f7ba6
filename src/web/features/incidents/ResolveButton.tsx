import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { fromLocalInput, toLocalInput, userTimeZone } from '../../ui/format.js';
import { useResolveIncident } from './use-incident.js';

/** Resolve the incident, now or at a time the user gives; the policy then decides on a review. */
export function ResolveButton({ incident }: { incident: Incident }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [when, setWhen] = useState('');
  const resolve = useResolveIncident(incident.id);

  const show = () => {
    setWhen(toLocalInput(new Date().toISOString()));
    open();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    resolve.mutate(fromLocalInput(when) ?? undefined, {
      onSuccess: (resolved) => {
        close();
        notifications.show({
          color: 'teal',
          title: 'Incident resolved',
          message: resolved.review ? 'The review policy opened a review for it.' : 'No review was required by the policy.',
        });
      },
    });
  };

  return (
    <>
      <Button color="teal" leftSection={<IconCircleCheck size={16} />} onClick={show}>
        Resolve
      </Button>
      <Modal opened={opened} onClose={close} title={<Text fw={650}>Resolve incident #{incident.id}</Text>}>
        <form onSubmit={submit}>
          <Stack>
            {resolve.isError && <Alert color="red">{resolve.error.message}</Alert>}
            <TextInput type="datetime-local" label="Resolved at" description={`Your time (${userTimeZone})`} value={when} onChange={(e) => setWhen(e.currentTarget.value)} data-autofocus />
            {!incident.mitigatedAt && (
              <Text fz="sm" c="dimmed" data-testid="resolve-no-mitigation">
                No mitigation time is recorded: it stays unknown, and so does the time to mitigate. Add it under Edit if you know it.
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="teal" loading={resolve.isPending}>
                Resolve incident
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
