import { Card, Center, Loader, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A settings list in a card: a spinner while it loads, its empty state when there is nothing, else its table. */
export function ListCard({ pending, empty, head, children }: { pending: boolean; empty: ReactNode | null; head: ReactNode; children: ReactNode }) {
  return (
    <Card p={0} style={{ overflow: 'hidden' }}>
      {pending ? (
        <Center py={60}>
          <Loader size="sm" />
        </Center>
      ) : (
        (empty ?? (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>{head}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>{children}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))
      )}
    </Card>
  );
}
