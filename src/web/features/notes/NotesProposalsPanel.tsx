import { Badge, Box, Button, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChecks } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import type { NoteProposal, NotesProposals } from '../../../shared/notes/notes.schema.js';

type Kind = NoteProposal['kind'];

const groups: Array<{ kind: Kind; title: string; color: string }> = [
  { kind: 'timelineEntry', title: 'Timeline entries', color: 'blue' },
  { kind: 'contributor', title: 'Contributors', color: 'orange' },
  { kind: 'mitigator', title: 'Mitigators', color: 'teal' },
  { kind: 'risk', title: 'Risks', color: 'red' },
  { kind: 'actionItem', title: 'Action items', color: 'violet' },
];

/** When a proposed entry happened, in the zone the notes were read in; an unknown time says so. */
function whenOf(p: NoteProposal, timeZone: string): string {
  if (p.occurredAt) return DateTime.fromISO(p.occurredAt, { setZone: true }).setZone(timeZone).toFormat('d LLL yyyy, HH:mm');
  return p.timeAsWritten ? `time unknown (written “${p.timeAsWritten}”)` : 'time unknown';
}

const lineLabel = ([from, to]: NoteProposal['sourceLines']) => (from === to ? `line ${from}` : `lines ${from}–${to}`);

interface Props {
  result: NotesProposals;
  /** The notes as they were read, to quote each proposal's lines. */
  lines: string[];
  accepted: ReadonlySet<string>;
  readOnly: boolean;
  accepting: boolean;
  onAccept: (proposals: NoteProposal[]) => void;
  onShowLines: (lines: NoteProposal['sourceLines']) => void;
}

/** The proposals grouped by kind, each with its source lines quoted; accepted one by one or all at once. */
export function NotesProposalsPanel({ result, lines, accepted, readOnly, accepting, onAccept, onShowLines }: Props) {
  const open = result.proposals.filter((p) => !accepted.has(p.id));
  const strip = (p: NotesProposals['proposals'][number]): NoteProposal => {
    const { accepted: _accepted, ...proposal } = p;
    return proposal;
  };
  if (result.proposals.length === 0) {
    return (
      <Text fz="sm" c="dimmed" data-testid="notes-no-proposals">
        Nothing to propose yet: start lines with a time (“14:05 paged the DB team”), or write “AI:”, “TODO”, “risk:”, “contributing:”, or bullets under “Contributors”, “What went well”, “Follow-ups”.
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="notes-proposals">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          {result.proposals.length} proposed · {result.proposals.length - open.length} accepted · times on {result.incidentDate ?? 'an unknown day'} ({result.timeZone})
        </Text>
        {!readOnly && (
          <Button size="xs" leftSection={<IconChecks size={16} />} disabled={open.length === 0} loading={accepting} onClick={() => onAccept(open.map(strip))} data-testid="notes-accept-all">
            Accept all ({open.length})
          </Button>
        )}
      </Group>
      {groups.map(({ kind, title, color }) => {
        const items = result.proposals.filter((p) => p.kind === kind);
        if (items.length === 0) return null;
        return (
          <Stack key={kind} gap={6} data-testid={`notes-group-${kind}`}>
            <Title order={4}>
              {title} <Badge size="sm" variant="light" color={color}>{items.length}</Badge>
            </Title>
            {items.map((p) => {
              const done = accepted.has(p.id);
              return (
                <Card key={p.id} withBorder padding="xs" radius="md" data-testid="notes-proposal" data-accepted={done} style={done ? { opacity: 0.7 } : undefined}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                      <Group gap={6}>
                        <UnstyledButton onClick={() => onShowLines(p.sourceLines)} aria-label={`Show ${lineLabel(p.sourceLines)} in the notes`}>
                          <Badge size="sm" variant="outline" color="gray" style={{ cursor: 'pointer' }}>
                            {lineLabel(p.sourceLines)}
                          </Badge>
                        </UnstyledButton>
                        {kind === 'timelineEntry' && (
                          <Text fz="xs" fw={600} c={p.occurredAt ? undefined : 'dimmed'}>
                            {whenOf(p, result.timeZone)}
                          </Text>
                        )}
                        {p.owner && <Badge size="sm" variant="light" color="gray">owner: {p.owner}</Badge>}
                        {p.done && <Badge size="sm" variant="light" color="teal">done</Badge>}
                      </Group>
                      <Text fz="sm" fw={500}>{p.text}</Text>
                      <Box component="pre" fz="xs" m={0} p={6} style={{ background: 'var(--mantine-color-yellow-0)', borderLeft: '3px solid var(--mantine-color-yellow-5)', whiteSpace: 'pre-wrap', overflowX: 'auto' }}>
                        {lines.slice(p.sourceLines[0] - 1, p.sourceLines[1]).map((line, i) => `${String(p.sourceLines[0] + i).padStart(3)} │ ${line}`).join('\n')}
                      </Box>
                    </Stack>
                    {done ? (
                      <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />} data-testid="notes-accepted">
                        Accepted
                      </Badge>
                    ) : (
                      !readOnly && (
                        <Button size="xs" variant="light" loading={accepting} onClick={() => onAccept([strip(p)])} data-testid="notes-accept">
                          Accept
                        </Button>
                      )
                    )}
                  </Group>
                </Card>
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}
