import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { reviewRequestSchema } from '../../../shared/reviews/review.schema.js';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { useRequestReview } from './use-incident.js';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import { PersonPicker } from '../../ui/people/PersonPicker.js';
import { toPersonInput } from '../../ui/people/people-options.js';

/** Anyone can ask for a review, whatever the policy says. */
export function RequestReviewButton({ incident }: { incident: Incident }) {
  const [opened, { open, close }] = useDisclosure(false);
  // Who asks is the signed-in user: the server records them; nobody types their own name.
  const [owner, setOwner] = useState<PersonRef | null>(incident.commander);
  const [errors, setErrors] = useState<FieldErrors>({});
  const request = useRequestReview(incident.id);
  const navigate = useNavigate();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = owner ? { owner: toPersonInput(owner) } : {};
    const parsed = reviewRequestSchema.safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    request.mutate(parsed.data, {
      onSuccess: (review) => {
        close();
        notifications.show({ color: 'teal', title: 'Review opened', message: `Review #${review.id} is in draft.` });
        void navigate(`/reviews/${review.id}`);
      },
    });
  };
  const shown = { ...serverFieldErrors(request.error), ...errors };

  return (
    <>
      <Button variant="light" leftSection={<IconMessageQuestion size={16} />} onClick={open} fullWidth>
        Request a review
      </Button>
      <Modal opened={opened} onClose={close} title={<Text fw={650}>Request a review</Text>}>
        <form onSubmit={submit}>
          <Stack>
            <Text fz="sm" c="dimmed">
              A review is worth it whenever there is something to learn, whatever the severity.
            </Text>
            {request.isError && !Object.keys(shown).length && <Alert color="red">{request.error.message}</Alert>}
            <PersonPicker label="Owner (DRI)" name="owner" description="Who will drive the review; usually the incident commander. Left empty, the commander." value={owner} error={shown.owner} onChange={setOwner} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={request.isPending}>
                Request review
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
