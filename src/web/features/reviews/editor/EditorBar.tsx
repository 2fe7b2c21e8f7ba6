import { Box, Button, Drawer, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useResizeObserver } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconPlugConnectedX, IconSparkles } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { QualityScore } from '../../../../shared/language/index.js';
import type { Completeness } from '../../../../shared/reviews/review-completeness.js';
import type { Review } from '../../../../shared/reviews/review.schema.js';
import { LastActivity } from '../../../app/live/LastActivity.js';
import { useLiveStatus } from '../../../app/live/use-live.js';
import { useAutosaveSummary } from '../../../ui/autosave/autosave-registry.js';
import { UnsavedChangesGuard } from '../../../ui/autosave/UnsavedChangesGuard.js';
import { QualityPanel } from '../../language/QualityPanel.js';
import { WorkflowBar } from '../workflow/WorkflowBar.js';
import { PresenceBar } from './presence/PresenceBar.js';
import { SectionNavBar } from './SectionNav.js';
import { warningText } from '../../../ui/colors.js';

const HEADER_HEIGHT = 60;

/** "All changes saved", "Saving…", or what needs attention: the one save state of the whole editor. */
function SaveSummary() {
  const summary = useAutosaveSummary();
  const live = useLiveStatus();
  let state;
  if (summary.failed > 0)
    state = (
      <Group gap={4} wrap="nowrap">
        <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" />
        <Text fz="xs" c="red.8" fw={600}>{summary.failed === 1 ? '1 field not saved' : `${summary.failed} fields not saved`}</Text>
      </Group>
    );
  else if (summary.attention > 0) state = <Text fz="xs" c={warningText} fw={600}>{summary.attention === 1 ? '1 field needs your choice' : `${summary.attention} fields need your choice`}</Text>;
  else if (summary.saving)
    state = (
      <Group gap={4} wrap="nowrap">
        <Loader size={10} />
        <Text fz="xs" c="dimmed">Saving…</Text>
      </Group>
    );
  else if (summary.unsaved > 0) state = <Text fz="xs" c="dimmed">Unsaved changes</Text>;
  else
    state = (
      <Group gap={4} wrap="nowrap">
        <IconCheck size={14} color="var(--mantine-color-teal-7)" />
        <Text fz="xs" c="teal.9">All changes saved</Text>
      </Group>
    );
  return (
    <Group gap="xs" wrap="nowrap" aria-live="polite" data-testid="save-summary">
      <UnsavedChangesGuard />
      {state}
      {live === 'reconnecting' && (
        <Tooltip label="Changes by others will show when the connection is back; your own edits are still saved.">
          <Group gap={4} wrap="nowrap" data-testid="live-offline">
            <IconPlugConnectedX size={14} color="var(--mantine-color-orange-7)" />
            <Text fz="xs" c={warningText}>Reconnecting…</Text>
          </Group>
        </Tooltip>
      )}
    </Group>
  );
}

interface Props {
  review: Review;
  completeness: Completeness;
  quality: QualityScore | null;
  computing: boolean;
  failed: boolean;
  /** Wide screens show the section navigation and the quality panel in the sidebar instead. */
  wide: boolean;
}

/**
 * The editor's sticky bar, in view at every width: the review's state and next step, who else is
 * here, whether everything is saved; on narrower screens also the sections and the quality panel.
 * Its height is published as --hs-editor-offset, so jumps to a section land below it.
 */
export function EditorBar({ review, completeness, quality, computing, failed, wide }: Props) {
  const [ref, rect] = useResizeObserver();
  const [qualityOpen, { open, close }] = useDisclosure(false);
  useEffect(() => {
    const offset = HEADER_HEIGHT + Math.round(rect.height) + 28;
    document.documentElement.style.setProperty('--hs-editor-offset', `${offset}px`);
    return () => {
      document.documentElement.style.removeProperty('--hs-editor-offset');
    };
  }, [rect.height]);

  return (
    <Box ref={ref} className="hs-no-print" data-testid="editor-bar" style={{ position: 'sticky', top: HEADER_HEIGHT, zIndex: 90, background: 'var(--mantine-color-body)', borderBottom: '1px solid var(--mantine-color-gray-3)', margin: '0 -8px', padding: '8px 8px' }}>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <WorkflowBar review={review} />
        <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
          <LastActivity reviewId={review.id} incidentId={review.incidentId} maw={220} visibleFrom="lg" />
          <PresenceBar reviewId={review.id} />
          <SaveSummary />
        </Group>
      </Group>
      {!wide && (
        <Group gap="sm" wrap="nowrap" mt={8}>
          <SectionNavBar completeness={completeness} />
          <Button size="compact-sm" variant="light" leftSection={<IconSparkles size={14} />} onClick={open} data-testid="quality-button" style={{ flexShrink: 0 }}>
            Quality {quality ? quality.score : '…'}
          </Button>
          <Drawer opened={qualityOpen} onClose={close} position="right" size={380} title={<Text fw={650}>Review quality</Text>}>
            <QualityPanel quality={quality} computing={computing} failed={failed} />
          </Drawer>
        </Group>
      )}
    </Box>
  );
}
