import { Alert, Center, Loader, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { sharingApi } from '../../api/sharing.js';
import { Markdown } from '../../ui/Markdown.js';
import { Timestamp } from '../../ui/Timestamp.js';
import './sharing.css';

/** The text under its own title: the stored text starts with the same `# title` line. */
const withoutTitle = (text: string) => text.replace(/^# .*\n+/, '');

/** What a shared link opens, signed out: the summary alone, read-only, without the app around it. */
export default function SharedSummaryPage() {
  const token = useParams().token ?? '';
  const shared = useQuery({ queryKey: ['shared', token], queryFn: ({ signal }) => sharingApi.shared(token, signal), retry: false });

  if (shared.isPending) {
    return (
      <Center h="100vh">
        <Loader size="sm" />
      </Center>
    );
  }
  if (shared.isError) {
    return (
      <main className="hs-shared">
        <Alert color="gray" title="This link does not work" data-testid="shared-missing">
          It may have expired or been revoked. Ask whoever sent it for a new one.
        </Alert>
      </main>
    );
  }
  const { title, text, sharedAt, expiresAt } = shared.data;
  return (
    <main className="hs-shared" data-testid="shared-summary">
      <Title order={1} mb={4}>{title}</Title>
      <Text fz="sm" c="dimmed" mb="lg">
        Incident summary, shared <Timestamp value={sharedAt} format="date" fz="sm" /> · this link works until <Timestamp value={expiresAt} format="date" fz="sm" />
      </Text>
      <Markdown text={withoutTitle(text)} className="hs-shared-body" />
    </main>
  );
}
