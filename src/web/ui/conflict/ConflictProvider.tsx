import { Alert, Button, Group, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { AskConflict, ConflictChoice, ConflictRequest } from './save-versioned.js';

const ConflictContext = createContext<AskConflict | null>(null);

/** The function that shows the conflict dialog and resolves with the user's choice. */
export function useAskConflict(): AskConflict {
  const ask = useContext(ConflictContext);
  if (!ask) throw new Error('useAskConflict needs a <ConflictProvider>');
  return ask;
}

function Version({ title, tone, text, testId }: { title: string; tone: 'mine' | 'theirs'; text: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md" bg={tone === 'mine' ? 'hindsight.0' : 'gray.0'} data-testid={testId}>
      <Text fz="xs" fw={700} tt="uppercase" c={tone === 'mine' ? 'hindsight.7' : 'gray.7'} mb={4}>
        {title}
      </Text>
      <ScrollArea.Autosize mah={220}>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {text}
        </Text>
      </ScrollArea.Autosize>
    </Paper>
  );
}

/** Hosts the one "someone else changed this" dialog of the app. */
export function ConflictProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<ConflictRequest | null>(null);
  const resolver = useRef<((choice: ConflictChoice) => void) | null>(null);

  const ask = useCallback<AskConflict>(
    (next) =>
      new Promise<ConflictChoice>((resolve) => {
        resolver.current = resolve;
        setRequest(next);
      }),
    [],
  );
  const choose = (choice: ConflictChoice) => {
    resolver.current?.(choice);
    resolver.current = null;
    setRequest(null);
  };

  return (
    <ConflictContext.Provider value={ask}>
      {children}
      <Modal
        opened={request !== null}
        onClose={() => choose('cancel')}
        size="xl"
        // Above any dialog the conflicting edit was made in (an incident's edit dialog, say).
        zIndex={400}
        title={
          <Group gap={8}>
            <IconGitCompare size={20} color="var(--mantine-color-orange-6)" />
            <Text fw={650}>Someone else changed this while you were editing</Text>
          </Group>
        }
      >
        {request && (
          <Stack data-testid="conflict-dialog">
            <Alert color="orange" variant="light" p="sm">
              <Text fz="sm">
                {request.title}: your change was not saved yet. Compare both versions and choose which one to keep. Closing this
                dialog keeps your text in the editor.
              </Text>
            </Alert>
            {request.fields.map((field) => (
              <Stack key={field.key} gap={6}>
                <Text fw={600} fz="sm">
                  {field.label}
                </Text>
                <SimpleGrid cols={2} spacing="sm">
                  <Version title="Your version" tone="mine" text={field.mine} testId={`conflict-mine-${field.key}`} />
                  <Version title="Current version (saved)" tone="theirs" text={field.theirs} testId={`conflict-theirs-${field.key}`} />
                </SimpleGrid>
              </Stack>
            ))}
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={() => choose('theirs')}>
                Take theirs
              </Button>
              <Button onClick={() => choose('mine')} data-autofocus>
                Keep mine
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </ConflictContext.Provider>
  );
}
