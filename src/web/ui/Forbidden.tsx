import { Button, EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Page } from './Page.js';

/** A page the signed-in user's role does not allow: said plainly, with a way back. */
export function Forbidden({ need }: { need: string }) {
  return (
    <Page title="Not available to you">
      <EmptyState
        icon={<IconLock size={28} />}
        variant="light"
        title={`This page is for ${need}`}
        description="Ask an admin if you need a different role."
      >
        <EmptyState.Actions>
          <Button component={Link} to="/incidents" variant="light">
            Go to incidents
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Page>
  );
}
