import { ActionIcon, Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconRepeat, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Whys } from '../../../../shared/reviews/whys.schema.js';
import { LinkFactorModal, useLinks, useUnlink, type LinkSource } from '../factors/FactorRecurrence.js';

/**
 * F18 for a five-whys conclusion: the earlier incidents' factors it recurs as ("Recurs: #12 No alert
 * on saturation"), from the whys API (the document has no links); with `editable`, a picker to link
 * one more and a button to remove each.
 */
export function WhysRecurrence({ whysId, editable }: { whysId: number; editable: boolean }) {
  const source: LinkSource = { kind: 'whys', id: whysId };
  const linked = useLinks<Whys>(source).data?.linkedFactors ?? [];
  const unlink = useUnlink(source);
  const [opened, dialog] = useDisclosure(false);
  if (!editable && linked.length === 0) return null;
  return (
    <Group gap={6} data-testid="whys-recurs">
      {linked.map((factor) => (
        <Badge
          key={factor.factorId}
          size="sm"
          color="orange"
          variant="light"
          data-testid="whys-linked-factor"
          rightSection={
            editable && (
              <ActionIcon size="xs" variant="transparent" color="orange" aria-label={`Unlink ${factor.title}`} loading={unlink.isPending} onClick={() => unlink.mutate(factor.factorId)}>
                <IconX size={10} />
              </ActionIcon>
            )
          }
        >
          Recurs:{' '}
          <Anchor component={Link} to={`/incidents/${factor.incidentId}`} fz="xs" inherit>
            #{factor.incidentId}
          </Anchor>{' '}
          {factor.title}
        </Badge>
      ))}
      {editable && (
        <>
          <Button variant="subtle" size="xs" leftSection={<IconRepeat size={14} />} onClick={dialog.open}>
            Link to an earlier incident&apos;s factor
          </Button>
          <LinkFactorModal source={source} opened={opened} onClose={dialog.close} />
        </>
      )}
      {unlink.error && (
        <Text c="red" fz="xs">
          {unlink.error.message}
        </Text>
      )}
    </Group>
  );
}
