import { Badge, Button, EmptyState, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiToken } from '../../../shared/accounts/token.schema.js';
import { tokensApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';
import { RoleBadge } from '../../ui/badges.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { NewTokenModal } from './NewTokenModal.js';
import { ListCard } from '../../ui/ListCard.js';

const statusColor: Record<ApiToken['status'], string> = { active: 'teal', expired: 'gray', revoked: 'red' };
const statusLabel: Record<ApiToken['status'], string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

function RevokeModal({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: number) => tokensApi.revoke(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
      notifications.show({ color: 'teal', title: 'Token revoked', message: token?.name });
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: error.message }),
  });
  return (
    <Modal opened={token !== null} onClose={onClose} title={<Text fw={650}>Revoke “{token?.name}”?</Text>}>
      <Stack>
        <Text fz="sm">Anything using this token stops working at once. This cannot be undone.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red" loading={revoke.isPending} onClick={() => token && revoke.mutate(token.id)}>Revoke token</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Your API tokens: for scripts and integrations that call the API. */
export default function TokensPage() {
  const [creating, { open, close }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useQuery({ queryKey: queryKeys.tokens, queryFn: ({ signal }) => tokensApi.list(signal) });
  const items = tokens.data?.items ?? [];
  const newButton = <Button leftSection={<IconPlus size={16} />} onClick={open}>New token</Button>;

  return (
    <Page
      title="API tokens"
      description="Tokens let scripts and integrations use the API as you, with a role ceiling you choose. Send one as “Authorization: Bearer …”."
      actions={newButton}
      maxWidth={1100}
    >
      {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      <ListCard
        pending={tokens.isPending}
        empty={
          items.length === 0 ? (
            <EmptyState py={56} variant="light" icon={<IconKey size={26} />} title="No API tokens yet" description="Create one for a script or an integration that calls the API.">
              <EmptyState.Actions>{newButton}</EmptyState.Actions>
            </EmptyState>
          ) : null
        }
        head={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th w={130}>Role ceiling</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th w={130}>Expires</Table.Th>
            <Table.Th w={130}>Last used</Table.Th>
            <Table.Th w={130}>Created</Table.Th>
            <Table.Th w={96} />
          </>
        }
      >
        {items.map((token) => (
          <Table.Tr key={token.id} data-testid="token-row">
            <Table.Td><Text fz="sm" fw={600}>{token.name}</Text></Table.Td>
            <Table.Td><RoleBadge role={token.role} size="sm" /></Table.Td>
            <Table.Td><Badge color={statusColor[token.status]} variant="dot">{statusLabel[token.status]}</Badge></Table.Td>
            <Table.Td><Timestamp value={token.revokedAt ? null : token.expiresAt} format="date" fz="sm" empty="—" /></Table.Td>
            <Table.Td><Timestamp value={token.lastUsedAt} format="relative" fz="sm" empty="Never" /></Table.Td>
            <Table.Td><Timestamp value={token.createdAt} format="date" fz="sm" /></Table.Td>
            <Table.Td ta="right">
              {token.status === 'active' && (
                <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
                  Revoke
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListCard>
      <NewTokenModal opened={creating} onClose={close} />
      <RevokeModal token={revoking} onClose={() => setRevoking(null)} />
    </Page>
  );
}
