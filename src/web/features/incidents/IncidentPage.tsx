import { Badge, Card, DataList, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { isApiError } from '../../api/errors.js';
import { useSession } from '../../app/session.js';
import { RestrictedBadge, SeverityBadge, StatusBadge } from '../../ui/badges.js';
import { NotFound } from '../../ui/NotFound.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { IncidentAccessCard } from './IncidentAccessCard.js';
import { EditIncidentButton } from './EditIncidentButton.js';
import { useOnScreen } from '../../app/live/use-live.js';
import { LastActivity } from '../../app/live/LastActivity.js';
import { KeyTimesCard } from './KeyTimesCard.js';
import { ResolveButton } from './ResolveButton.js';
import { ReviewPolicyCard } from './ReviewPolicyCard.js';
import { useIncident } from './use-incident.js';
import type { Incident } from '../../../shared/incidents/incident.schema.js';

const none = (
  <Text span c="dimmed" inherit>
    None
  </Text>
);

function Tags({ items, color }: { items: string[]; color: string }) {
  if (!items.length) return none;
  return (
    <Group gap={4}>
      {items.map((item) => (
        <Badge key={item} color={color} variant="light" size="sm">
          {item}
        </Badge>
      ))}
    </Group>
  );
}

function DetailsCard({ incident }: { incident: Incident }) {
  return (
    <Card>
      <Title order={3} mb="md">
        Details
      </Title>
      <DataList labelWidth={150} withDivider gap={10}>
        <DataList.Item>
          <DataList.ItemLabel>Commander</DataList.ItemLabel>
          <DataList.ItemValue>{incident.commander?.name ?? none}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Responders</DataList.ItemLabel>
          <DataList.ItemValue>{incident.responders.length ? incident.responders.map((p) => p.name).join(', ') : none}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Services</DataList.ItemLabel>
          <DataList.ItemValue><Tags items={incident.services} color="gray" /></DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Labels</DataList.ItemLabel>
          <DataList.ItemValue><Tags items={incident.labels} color="hindsight" /></DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Customer impact</DataList.ItemLabel>
          <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{incident.customerImpact ?? none}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Recorded</DataList.ItemLabel>
          <DataList.ItemValue>
            <Timestamp value={incident.createdAt} /> <Text span c="dimmed" fz="sm">· updated </Text>
            <Timestamp value={incident.updatedAt} format="relative" fz="sm" c="dimmed" />
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}

export default function IncidentPage() {
  const id = Number(useParams().id);
  const query = useIncident(id);
  const { canWrite } = useSession();
  useOnScreen(null, id > 0 ? id : null);
  if (query.isError && isApiError(query.error) && query.error.code === 'not_found') return <NotFound what="incident" />;
  const incident = query.data;

  return (
    <Page
      title={incident ? incident.title : <Skeleton h={28} w={320} />}
      crumbs={[{ label: 'Incidents', to: '/incidents' }]}
      meta={
        incident && (
          <Group gap={8} mt={4}>
            <Text fz="sm" c="dimmed" className="hs-tabular">#{incident.id}</Text>
            <SeverityBadge severity={incident.severity} />
            <StatusBadge status={incident.status} />
            {incident.userFacing && <Badge color="grape">User-facing</Badge>}
            {incident.restricted && <RestrictedBadge data-testid="restricted-badge" />}
            <LastActivity incidentId={incident.id} maw={360} />
          </Group>
        )
      }
      actions={
        incident && canWrite ? (
          <>
            <EditIncidentButton incident={incident} />
            {incident.status !== 'resolved' && <ResolveButton incident={incident} />}
          </>
        ) : null
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {incident ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <DetailsCard incident={incident} />
              <KeyTimesCard incident={incident} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <ReviewPolicyCard incident={incident} />
              <IncidentAccessCard incidentId={incident.id} />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        !query.isError && <Skeleton h={320} radius="lg" />
      )}
    </Page>
  );
}
