import { Badge, Group, Paper, Switch, Text } from '@mantine/core';
import type { RedactionFinding, RedactionKind } from '../../../shared/sharing/redaction-kinds.js';

export const kindLabels: Record<RedactionKind, string> = {
  person: 'Name',
  email: 'E-mail',
  hostname: 'Internal host',
  ip: 'IP address',
  link: 'Internal link',
  ticket: 'Ticket',
};

interface Props {
  text: string;
  findings: RedactionFinding[];
  /** Indexes into `findings` of the ones to redact. */
  redacted: ReadonlySet<number>;
  onToggle: (index: number) => void;
}

/**
 * The composed text with every finding highlighted in place (struck through with its replacement
 * when redacted), and the same findings as a list of switches; clicking either toggles it.
 */
export function FindingsPreview({ text, findings, redacted, onToggle }: Props) {
  const pieces: React.ReactNode[] = [];
  let at = 0;
  findings.forEach((f, i) => {
    pieces.push(text.slice(at, f.start));
    const isRedacted = redacted.has(i);
    pieces.push(
      <mark
        key={i}
        className={isRedacted ? 'hs-finding hs-finding-redacted' : 'hs-finding hs-finding-kept'}
        title={`${kindLabels[f.kind]}: ${isRedacted ? `shared as ${f.replacement}` : 'kept as written'} (click to change)`}
        onClick={() => onToggle(i)}
        data-testid="finding-mark"
      >
        {isRedacted ? f.replacement : f.text}
      </mark>,
    );
    at = f.end;
  });
  pieces.push(text.slice(at));

  return (
    <>
      <Paper withBorder p="sm" radius="md" mah={320} style={{ overflowY: 'auto' }}>
        <Text component="pre" fz="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }} data-testid="summary-preview">
          {pieces}
        </Text>
      </Paper>
      {findings.length === 0 ? (
        <Text fz="sm" c="dimmed">Nothing found to redact. Read the text once more before sharing it.</Text>
      ) : (
        <Paper withBorder p="sm" radius="md" mah={220} style={{ overflowY: 'auto' }}>
          {findings.map((f, i) => (
            <Group key={i} justify="space-between" wrap="nowrap" py={2} data-testid="finding">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Badge variant="light" color="grape" size="sm" style={{ flexShrink: 0 }}>{kindLabels[f.kind]}</Badge>
                <Text fz="sm" truncate>{f.text}</Text>
              </Group>
              <Switch size="sm" checked={redacted.has(i)} onChange={() => onToggle(i)} label={redacted.has(i) ? 'Redact' : 'Keep'} aria-label={`Redact “${f.text}”`} />
            </Group>
          ))}
        </Paper>
      )}
    </>
  );
}
