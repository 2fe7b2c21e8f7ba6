import { Badge, Button, EmptyState, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandSlack, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Team } from '../../../shared/teams/team.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { teamsApi } from '../../api/teams.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { TeamModal } from './TeamModal.js';
import { ListCard } from '../../ui/ListCard.js';

/** Admin → Teams: who owns which services, who gets each team's weekly digest, and where it is posted. */
export default function TeamsPage() {
  const queryClient = useQueryClient();
  // null: closed; 'new': creating; a team: editing it. The key remounts the form with the record read.
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const list = useQuery({ queryKey: queryKeys.teams, queryFn: ({ signal }) => teamsApi.list(signal) });
  const remove = useMutation({
    mutationFn: (team: Team) => teamsApi.remove(team.id),
    onSuccess: (_, team) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
      notifications.show({ color: 'teal', title: 'Team deleted', message: `${team.name}'s incidents keep their services; its weekly digest stops.` });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: error.message }),
  });
  const items = list.data?.items ?? [];
  const newButton = <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>New team</Button>;
  return (
    <Page
      title="Teams"
      description="A team owns services (as incidents name them) and has members. Trends and the weekly digest filter by team; each week the team's digest is mailed to its members and posted to its Slack channel."
      actions={newButton}
      maxWidth={1100}
    >
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <ListCard
        pending={list.isPending}
        empty={
          items.length === 0 ? (
            <EmptyState py={56} variant="light" icon={<IconUsersGroup size={26} />} title="No teams" description="Add a team for each group that owns services: its members get a weekly digest of their incidents.">
              <EmptyState.Actions>{newButton}</EmptyState.Actions>
            </EmptyState>
          ) : null
        }
        head={
          <>
            <Table.Th>Team</Table.Th>
            <Table.Th>Services</Table.Th>
            <Table.Th>Members</Table.Th>
            <Table.Th w={160}>Slack</Table.Th>
            <Table.Th w={150} />
          </>
        }
      >
        {items.map((team) => (
          <Table.Tr key={team.id} data-testid="team-row">
            <Table.Td>
              <Text fz="sm" fw={600}>{team.name}</Text>
              <Text fz="xs" c="dimmed">{team.slug}</Text>
            </Table.Td>
            <Table.Td>
              {team.services.length === 0 ? <Text fz="sm" c="dimmed">None yet</Text> : <Group gap={4}>{team.services.map((s) => <Badge key={s} variant="light">{s}</Badge>)}</Group>}
            </Table.Td>
            <Table.Td><Text fz="sm">{team.members.length === 0 ? '–' : team.members.map((m) => m.name).join(', ')}</Text></Table.Td>
            <Table.Td>{team.slackChannel ? <Group gap={4} wrap="nowrap"><IconBrandSlack size={14} /><Text fz="sm">{team.slackChannel}</Text></Group> : <Text fz="sm" c="dimmed">–</Text>}</Table.Td>
            <Table.Td ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button size="xs" variant="subtle" onClick={() => setEditing(team)} aria-label={`Edit ${team.name}`}>Edit</Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => window.confirm(`Delete ${team.name}? Its incidents keep their services.`) && remove.mutate(team)} aria-label={`Delete ${team.name}`}>Delete</Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListCard>
      {editing !== null && <TeamModal key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`} team={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} />}
    </Page>
  );
}
