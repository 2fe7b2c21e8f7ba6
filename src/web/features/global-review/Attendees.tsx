import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import type { GlobalReview } from '../../../shared/global-review/global-review.schema.js';
import { ApiError } from '../../api/errors.js';
import { globalReviewApi } from '../../api/global-review.js';
import { queryKeys } from '../../api/query-keys.js';
import { PeoplePicker } from '../../ui/people/PeoplePicker.js';

const asInput = (person: PersonRef) => (person.userId !== null ? { userId: person.userId } : { name: person.name });

/** Who attended: anyone in the organisation, unlike a review's own meeting (no audience check here). */
export function Attendees({ review, canWrite }: { review: GlobalReview; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [people, setPeople] = useState<PersonRef[]>(review.attendees);
  const day = review.session.day;
  const save = useMutation({
    mutationFn: () => globalReviewApi.saveAttendees(day, { attendees: people.map(asInput), version: review.attendeesVersion }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.globalReviews }),
  });
  const changed = JSON.stringify(people) !== JSON.stringify(review.attendees);

  if (!canWrite) {
    return review.attendees.length === 0 ? (
      <Text fz="sm" c="dimmed">No attendees recorded.</Text>
    ) : (
      <List size="sm" spacing={4}>{review.attendees.map((person) => <List.Item key={`${person.userId ?? person.name}`}>{person.name}</List.Item>)}</List>
    );
  }
  return (
    <Stack gap="xs">
      <PeoplePicker label="Who attended" description="Open to everyone: no audience limit here." value={people} onChange={setPeople} />
      {save.isError && (
        <Alert color="red" variant="light" p="xs">
          {save.error instanceof ApiError && save.error.isConflict ? 'Someone else changed the list meanwhile: reload the page to see theirs.' : save.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button size="xs" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>Save attendees</Button>
      </Group>
    </Stack>
  );
}
