import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useAutosaveSummary, useUnsavedFieldsWarning } from './autosave-registry.js';

/**
 * Nothing typed is lost by leaving: closing the tab warns, and a link inside the app waits for the
 * fields still saving and then goes on by itself. A field that cannot save on its own (it failed,
 * or someone else changed it meanwhile) keeps you here until you choose.
 */
export function UnsavedChangesGuard() {
  useUnsavedFieldsWarning();
  const summary = useAutosaveSummary();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => summary.unsaved > 0 && currentLocation.pathname !== nextLocation.pathname);
  const needsChoice = summary.failed + summary.attention > 0;

  useEffect(() => {
    if (blocker.state === 'blocked' && summary.unsaved === 0) blocker.proceed();
  }, [blocker, summary.unsaved]);

  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={needsChoice ? 'Some changes are not saved' : 'Saving your changes…'} centered>
      <Stack gap="md">
        {needsChoice ? (
          <Text fz="sm">
            {summary.failed > 0 ? 'A field could not be saved.' : 'Someone else changed a field you were editing, and it waits for your choice.'} Stay to keep your text, or leave without it.
          </Text>
        ) : (
          <Group gap="xs">
            <Loader size="xs" />
            <Text fz="sm">You will go on as soon as what you typed is saved.</Text>
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" color="red" onClick={() => blocker.proceed?.()}>
            Leave without saving
          </Button>
          <Button onClick={() => blocker.reset?.()} data-autofocus>
            Stay
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
