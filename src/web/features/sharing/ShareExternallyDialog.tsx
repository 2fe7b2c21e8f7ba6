import { Alert, Button, Checkbox, CopyButton, Divider, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  SUMMARY_DEFAULT_DAYS,
  SUMMARY_MAX_DAYS,
  summarySectionLabels,
  summarySections,
  type ExternalSummaryCreated,
  type SummaryPreview,
  type SummarySection,
} from '../../../shared/sharing/external-summary.schema.js';
import { applyRedactions } from '../../../shared/sharing/redaction-kinds.js';
import { queryKeys } from '../../api/query-keys.js';
import { sharedLinkOf, sharingApi } from '../../api/sharing.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { ExternalSummariesList } from './ExternalSummariesList.js';
import { FindingsPreview } from './FindingsPreview.js';
import './sharing.css';

const defaultSections: SummarySection[] = ['summary', 'impact', 'timeline', 'contributingFactors', 'actionItems'];

/**
 * "Share externally" on a published review: choose sections → preview with what to redact (each
 * finding redacted or kept, or the text edited by hand) → an expiring link, shown once → the list
 * of links, each revocable.
 */
export function ShareExternallyButton({ reviewId }: { reviewId: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconShare size={16} />} onClick={() => setOpen(true)} data-testid="share-externally">
        Share externally
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Share a customer-safe summary" size="xl">
        {open && <ShareFlow reviewId={reviewId} />}
      </Modal>
    </>
  );
}

function ShareFlow({ reviewId }: { reviewId: number }) {
  const queryClient = useQueryClient();
  const [sections, setSections] = useState<SummarySection[]>(defaultSections);
  const [preview, setPreview] = useState<SummaryPreview | null>(null);
  const [redacted, setRedacted] = useState<Set<number>>(new Set());
  const [edited, setEdited] = useState<string | null>(null);
  const [days, setDays] = useState<number>(SUMMARY_DEFAULT_DAYS);
  const [created, setCreated] = useState<ExternalSummaryCreated | null>(null);

  const compose = useMutation({
    mutationFn: () => sharingApi.preview(reviewId, { sections }),
    onSuccess: (result) => {
      setPreview(result);
      // Everything found starts redacted: keeping is the author's deliberate choice.
      setRedacted(new Set(result.findings.map((_, i) => i)));
      setEdited(null);
    },
  });
  const finalText = () => edited ?? (preview ? applyRedactions(preview.text, preview.findings.filter((_, i) => redacted.has(i))) : '');
  const share = useMutation({
    mutationFn: () => sharingApi.create(reviewId, { sections, text: finalText(), expiresInDays: days }),
    onSuccess: (summary) => {
      setCreated(summary);
      void queryClient.invalidateQueries({ queryKey: queryKeys.externalSummaries(reviewId) });
    },
  });
  const toggle = (i: number) => setRedacted((current) => {
    const next = new Set(current);
    if (!next.delete(i)) next.add(i);
    return next;
  });

  if (created) {
    const link = sharedLinkOf(created.token);
    return (
      <Stack>
        <Alert color="teal" title="The link is ready">
          Anyone with this link can read the summary, without an account, until <Timestamp value={created.expiresAt} fz="sm" />. It is shown only now: copy it.
        </Alert>
        <Group wrap="nowrap" align="end">
          <TextInput label="Link" value={link} readOnly style={{ flex: 1 }} data-testid="shared-link" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={link}>{({ copied, copy }) => <Button onClick={copy} variant={copied ? 'light' : 'filled'}>{copied ? 'Copied' : 'Copy link'}</Button>}</CopyButton>
        </Group>
        <Divider label="Shared so far" labelPosition="left" />
        <ExternalSummariesList reviewId={reviewId} canWrite />
      </Stack>
    );
  }

  return (
    <Stack>
      <Checkbox.Group label="Sections to share" value={sections} onChange={(value) => { setSections(value as SummarySection[]); setPreview(null); }}>
        <Group mt={6} gap="md">
          {summarySections.map((key) => <Checkbox key={key} value={key} label={summarySectionLabels[key]} />)}
        </Group>
      </Checkbox.Group>
      <Group>
        <Button variant={preview ? 'default' : 'filled'} disabled={sections.length === 0} loading={compose.isPending} onClick={() => compose.mutate()} data-testid="share-preview">
          {preview ? 'Compose again' : 'Preview'}
        </Button>
      </Group>
      {compose.error && <Alert color="red">{compose.error.message}</Alert>}
      {preview && (
        <>
          <Text fz="sm">
            Names, internal hosts, IP addresses, e-mail addresses, internal links and tickets are highlighted: each is redacted unless you keep it. Only the review itself is shared.
          </Text>
          {edited === null ? (
            <>
              <FindingsPreview text={preview.text} findings={preview.findings} redacted={redacted} onToggle={toggle} />
              <Group>
                <Button variant="subtle" size="compact-sm" onClick={() => setEdited(finalText())}>Edit the text</Button>
              </Group>
            </>
          ) : (
            <Textarea label="Text to share (Markdown)" autosize minRows={10} maxRows={20} value={edited} onChange={(e) => setEdited(e.currentTarget.value)} data-testid="share-text" />
          )}
          <Group align="end">
            <NumberInput label="Link expires after (days)" min={1} max={SUMMARY_MAX_DAYS} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : SUMMARY_DEFAULT_DAYS)} w={200} />
            <Button loading={share.isPending} disabled={!finalText().trim() || days < 1 || days > SUMMARY_MAX_DAYS} onClick={() => share.mutate()} data-testid="share-create">
              Create the link
            </Button>
          </Group>
          {share.error && <Alert color="red">{share.error.message}</Alert>}
        </>
      )}
      <Divider label="Shared so far" labelPosition="left" />
      <ExternalSummariesList reviewId={reviewId} canWrite />
    </Stack>
  );
}
