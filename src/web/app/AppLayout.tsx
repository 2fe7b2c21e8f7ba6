import { AppShell, Badge, Button, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBellRinging, IconBooks, IconChartHistogram, IconChecklist, IconClipboardList, IconFileImport, IconFileText, IconListCheck, IconNews, IconPlugConnected, IconPlus, IconStack2, IconStack3, IconUserCheck, IconUsers, IconUsersGroup, IconWebhook, IconWorld } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { reviewsApi } from '../api/reviews.js';
import { queryKeys } from '../api/query-keys.js';
import { Logo } from '../ui/Logo.js';
import { useSession } from './session.js';
import { KeyboardShortcuts } from './shortcuts/KeyboardShortcuts.js';
import { UserMenu } from './UserMenu.js';

const nav = [
  { to: '/incidents', label: 'Incidents', icon: IconAlertTriangle },
  { to: '/reviews', label: 'Reviews', icon: IconFileText },
  { to: '/action-items', label: 'Action items', icon: IconChecklist },
  { to: '/knowledge-base', label: 'Knowledge base', icon: IconBooks },
  { to: '/trends', label: 'Trends', icon: IconChartHistogram },
  { to: '/global-review', label: 'Global review', icon: IconWorld },
  { to: '/portfolio', label: 'Improvements', icon: IconStack3 },
  { to: '/digest', label: 'Weekly digest', icon: IconNews },
] as const;

/** For those who may write: bringing past postmortems in. */
const writerNav = [{ to: '/imports', label: 'Import', icon: IconFileImport }] as const;

/** What is yours to do: the lists filtered to you as owner. */
const mine = [
  { to: '/reviews?owner=me', label: 'My reviews', icon: IconUserCheck },
  { to: '/action-items?owner=me', label: 'My action items', icon: IconListCheck },
] as const;

const adminNav = [
  { to: '/admin/users', label: 'Users', icon: IconUsers },
  { to: '/admin/teams', label: 'Teams', icon: IconUsersGroup },
  { to: '/admin/audit', label: 'Audit log', icon: IconClipboardList },
  { to: '/admin/jobs', label: 'Jobs', icon: IconStack2 },
  { to: '/settings/trackers', label: 'Trackers', icon: IconPlugConnected },
  { to: '/admin/webhooks', label: 'Webhooks', icon: IconWebhook },
  { to: '/admin/alert-sources', label: 'Alert sources', icon: IconBellRinging },
] as const;

type NavItem = { to: string; label: string; icon: typeof IconUsers };

/** A nav item is the current page when the path matches and, for a filtered list, its filter too. */
function isCurrent(to: string, pathname: string, search: string): boolean {
  const [path, query] = to.split('?');
  if (!pathname.startsWith(path!)) return false;
  const owner = new URLSearchParams(search).get('owner');
  return query ? new URLSearchParams(query).get('owner') === owner : owner !== 'me';
}

function NavItems({ items, pathname, search }: { items: readonly NavItem[]; pathname: string; search: string }) {
  return items.map(({ to, label, icon: Icon }) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      active={isCurrent(to, pathname, search)}
      aria-current={isCurrent(to, pathname, search) ? 'page' : undefined}
      leftSection={<Icon size={18} stroke={1.7} />}
      rightSection={to === '/reviews' ? <OverdueCount /> : null}
      fw={550}
      style={{ borderRadius: 8 }}
    />
  ));
}

function OverdueCount() {
  const overdue = useQuery({ queryKey: [...queryKeys.reviews, 'overdue'], queryFn: ({ signal }) => reviewsApi.overdueCount(signal), staleTime: 60_000 });
  const count = overdue.data?.count ?? 0;
  if (!count) return null;
  return (
    <Badge size="sm" color="red" variant="filled" aria-label={`${count} overdue`}>
      {count}
    </Badge>
  );
}

export function AppLayout() {
  const location = useLocation();
  const { canWrite, isAdmin } = useSession();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 236, breakpoint: 'sm' }} padding={0}>
      <a className="hs-skip-link" href="#main">
        Skip to content
      </a>
      <KeyboardShortcuts />
      <AppShell.Header className="hs-no-print" px="lg">
        <Group h="100%" justify="space-between">
          <Link to="/" className="hs-link" aria-label="Hindsight home">
            <Group gap={10}>
              <Logo size={30} />
              <Stack gap={0}>
                <Text fz={18} fw={700} lh={1.1} c="dark">
                  Hindsight
                </Text>
                <Text fz={11} c="dimmed" lh={1.2}>
                  Blameless post-incident reviews
                </Text>
              </Stack>
            </Group>
          </Link>
          <Group gap="md" wrap="nowrap">
            {canWrite && (
              <Button component={Link} to="/incidents/new" leftSection={<IconPlus size={16} />} size="sm">
                New incident
              </Button>
            )}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {/* Scrolls on its own when the window is shorter than the list (a laptop at 800 px with the admin items). */}
      <AppShell.Navbar className="hs-no-print" p="sm" aria-label="Main" style={{ overflowY: 'auto' }}>
        <Stack gap={4}>
          <NavItems items={nav} pathname={location.pathname} search={location.search} />
          {canWrite && <NavItems items={writerNav} pathname={location.pathname} search={location.search} />}
        </Stack>
        <Stack gap={4} mt="lg" aria-label="Yours" role="group">
          <Text fz={11} fw={700} c="dimmed" tt="uppercase" lts={0.4} px="sm" mb={2}>
            Yours
          </Text>
          <NavItems items={mine} pathname={location.pathname} search={location.search} />
        </Stack>
        {isAdmin && (
          <Stack gap={4} mt="lg" aria-label="Administration" role="group">
            <Text fz={11} fw={700} c="dimmed" tt="uppercase" lts={0.4} px="sm" mb={2}>
              Administration
            </Text>
            <NavItems items={adminNav} pathname={location.pathname} search={location.search} />
          </Stack>
        )}
        <Text fz="xs" c="dimmed" mt="auto" px="xs" pb="xs">
          Ask what made the incident possible, never who caused it.
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense
          fallback={
            <Group justify="center" py={80}>
              <Loader size="sm" />
            </Group>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
