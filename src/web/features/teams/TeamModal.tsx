import { Alert, Button, Group, Modal, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import { teamCreateSchema, teamUpdateSchema, type Team } from '../../../shared/teams/team.schema.js';
import { ApiError } from '../../api/errors.js';
import { queryKeys } from '../../api/query-keys.js';
import { teamsApi } from '../../api/teams.js';
import { formLevelError, serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { PeoplePicker } from '../../ui/people/PeoplePicker.js';

/** A slug people would pick from the name: lower-case words joined by hyphens. */
const slugOf = (name: string) => name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

interface Draft {
  name: string;
  slug: string;
  services: string[];
  members: PersonRef[];
  slackChannel: string;
}

const draftOf = (team: Team | null): Draft => ({
  name: team?.name ?? '',
  slug: team?.slug ?? '',
  services: team?.services ?? [],
  members: team?.members ?? [],
  slackChannel: team?.slackChannel ?? '',
});

/** Creates a team, or edits `team` (sending the version read: someone else's change first is a 409, shown). */
export function TeamModal({ team, opened, onClose }: { team: Team | null; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(team));
  const [slugTouched, setSlugTouched] = useState(team !== null);
  const [errors, setErrors] = useState<FieldErrors>({});
  // After a 409 the form keeps what was typed and takes the version now stored: saving again replaces the other change, knowingly.
  const [version, setVersion] = useState(team?.version ?? 0);
  const save = useMutation({
    mutationFn: (body: object) => (team ? teamsApi.update(team.id, body as Parameters<typeof teamsApi.update>[1]) : teamsApi.create(body as Parameters<typeof teamsApi.create>[0])),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || !error.isConflict) return;
      const current = error.current as Team | null;
      if (current) setVersion(current.version);
      void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: draft.name,
      slug: draft.slug.trim(),
      services: draft.services,
      memberIds: draft.members.flatMap((person) => (person.userId === null ? [] : [person.userId])),
      slackChannel: draft.slackChannel.trim() || null,
    };
    const parsed = team ? teamUpdateSchema.safeParse({ ...body, version }) : teamCreateSchema.safeParse(body);
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) save.mutate(parsed.data);
  };
  const shown = { ...serverFieldErrors(save.error), ...errors };
  const formError = formLevelError(save.error, shown);
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={650}>{team ? `Edit ${team.name}` : 'New team'}</Text>}>
      <form onSubmit={submit} aria-label={team ? 'Edit team' : 'New team'} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" icon={<IconAlertCircle size={18} />}>
              {formError}
              {save.error instanceof ApiError && save.error.isConflict && ' Save again to replace their change with yours, or cancel to see theirs.'}
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput
              label="Name"
              name="name"
              placeholder="Payments"
              value={draft.name}
              error={shown.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setDraft({ ...draft, name, slug: slugTouched ? draft.slug : slugOf(name) });
              }}
              data-autofocus
            />
            <TextInput
              label="Slug"
              name="slug"
              description="Names the team in filters and links"
              placeholder="payments"
              value={draft.slug}
              error={shown.slug}
              onChange={(e) => {
                setSlugTouched(true);
                setDraft({ ...draft, slug: e.currentTarget.value });
              }}
            />
          </Group>
          <TagsInput
            label="Services"
            description="The service tags of incidents this team owns; type one and press Enter"
            placeholder="checkout"
            value={draft.services}
            error={shown.services}
            onChange={(services) => setDraft({ ...draft, services })}
          />
          <PeoplePicker label="Members" description="They get the team's weekly digest by e-mail, unless they turned it off" value={draft.members} allowNames={false} error={shown.memberIds} onChange={(members) => setDraft({ ...draft, members })} />
          <TextInput
            label="Slack channel"
            name="slackChannel"
            description="Where the weekly digest is posted (channel ID, or #name); never with restricted incidents"
            placeholder="C024BE91L"
            value={draft.slackChannel}
            error={shown.slackChannel}
            onChange={(e) => setDraft({ ...draft, slackChannel: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>{team ? 'Save team' : 'Create team'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
