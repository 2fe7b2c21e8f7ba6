import { Anchor, Blockquote, Stack, Text } from '@mantine/core';
import type { Provenance } from '../../../shared/timeline/timeline.schema.js';

/** A link only when the ref is one a browser can open; a message ref or file and line is shown as written. */
const isLink = (ref: string) => /^https?:\/\//i.test(ref);

/** Where the entry's evidence comes from: its source, a link or ref back to it, and the raw excerpt. */
export function EntryProvenance({ provenance }: { provenance: Provenance }) {
  return (
    <Stack gap={4} data-testid="entry-provenance">
      <Text fz="xs" fw={600}>
        From {provenance.label}
        {provenance.ref && (
          <>
            {' · '}
            {isLink(provenance.ref) ? (
              <Anchor href={provenance.ref} target="_blank" rel="noreferrer noopener" fz="xs">
                open the source
              </Anchor>
            ) : (
              <Text span fz="xs" ff="monospace" c="dimmed">
                {provenance.ref}
              </Text>
            )}
          </>
        )}
      </Text>
      {provenance.excerpt && (
        <Blockquote p="xs" fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {provenance.excerpt}
        </Blockquote>
      )}
    </Stack>
  );
}
