import { Button, EmptyState } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Page } from './Page.js';

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <Page title="Not found">
      <EmptyState
        icon={<IconCompass size={28} />}
        variant="light"
        title={`This ${what} does not exist`}
        description={what === 'page' ? 'It may have been moved, or the link is mistyped.' : 'It may have been removed, the link may be mistyped, or it is restricted to the people working on it.'}
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
