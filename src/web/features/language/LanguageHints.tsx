import { Button, Collapse, CopyButton, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBulb, IconCheck, IconCopy, IconCursorText, IconSparkles } from '@tabler/icons-react';
import { useState, type RefObject } from 'react';
import type { LanguageFinding } from '../../../shared/language/index.js';
import { blamelessRuleTitles, excerptContext } from './language-meta.js';
import classes from './language.module.css';
import { useBlamelessFindings } from './use-blameless.js';

type Field = HTMLTextAreaElement | HTMLInputElement;

interface Props {
  /** The field's current text; checked in the language worker once typing pauses. */
  text: string;
  /** The field itself, so a finding can select its phrase there for rewriting. */
  inputRef?: RefObject<Field | null>;
  /** Names the field the advice is about, e.g. "Summary" (data-field, for tests and styling). */
  label?: string;
}

/**
 * F7 under a free-text field: blaming or hindsight phrasing, why it gets in the way, and a
 * systemic reframing on request. Advice only: nothing here stops the field from being saved.
 */
export function LanguageHints({ text, inputRef, label }: Props) {
  const result = useBlamelessFindings(text);
  if (result.findings.length === 0) return null;
  const severity = result.findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
  return (
    <Stack gap={8} className={classes.hints} data-severity={severity} role="note" aria-label="Phrasing advice" data-field={label} data-testid="language-hints">
      {result.findings.map((finding) => (
        <Finding key={`${finding.rule}:${finding.start}`} finding={finding} text={result.text} current={text} inputRef={inputRef} />
      ))}
    </Stack>
  );
}

function Finding({ finding, text, current, inputRef }: { finding: LanguageFinding; text: string; current: string; inputRef?: RefObject<Field | null> }) {
  const [open, setOpen] = useState(false);
  const { before, match, after } = excerptContext(text, finding.start, finding.end);
  // The phrase can be selected only while the field still holds the text that was checked.
  const selectable = inputRef !== undefined && current.slice(finding.start, finding.end) === finding.excerpt;
  const select = () => {
    const field = inputRef?.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(finding.start, finding.end);
  };
  const title = blamelessRuleTitles[finding.rule] ?? 'Phrasing';

  return (
    <div className={classes.finding} data-testid="language-finding" data-rule={finding.rule}>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon size={20} radius="xl" variant="light" color={finding.severity === 'warning' ? 'yellow' : 'blue'} mt={1} aria-hidden>
          <IconBulb size={13} />
        </ThemeIcon>
        <Stack gap={3} style={{ flex: 1, minWidth: 0 }}>
          <Text fz="sm" lh={1.45}>
            <Text span fz="xs" fw={650} c="dark.4" mr={6}>
              {title}
            </Text>
            “{before}
            <mark className={classes.mark} data-testid="language-excerpt">
              {match}
            </mark>
            {after}”
          </Text>
          <Text fz="xs" c="dark.3" lh={1.5}>
            {finding.explanation}
          </Text>
          <Group gap={4} mt={2}>
            <Button size="compact-xs" variant="subtle" leftSection={<IconSparkles size={13} />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
              {open ? 'Hide the reframing' : 'Suggest a reframing'}
            </Button>
            {selectable && (
              <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconCursorText size={13} />} onClick={select}>
                Select to rewrite
              </Button>
            )}
          </Group>
          <Collapse expanded={open}>
            <div className={classes.suggestion} data-testid="language-suggestion">
              <Text fz={10} fw={700} tt="uppercase" c="hindsight.7" mb={2} style={{ letterSpacing: '0.05em' }}>
                A systemic reframing
              </Text>
              <Text fz="xs" lh={1.5}>
                {finding.suggestion}
              </Text>
              <Group justify="flex-end" mt={4}>
                <CopyButton value={finding.suggestion} timeout={1500}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="light" color={copied ? 'teal' : 'gray'} leftSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />} onClick={copy}>
                      {copied ? 'Copied' : 'Copy'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </div>
          </Collapse>
        </Stack>
      </Group>
    </div>
  );
}
