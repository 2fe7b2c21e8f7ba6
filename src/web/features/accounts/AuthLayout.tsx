import { Box, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../ui/Logo.js';

/** The frame of the pages seen before signing in: the mark, a title, one centred card. */
export function AuthLayout({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" px="md" py={48} component="main" id="main">
      <Stack w="100%" maw={420} gap="lg">
        <Group gap={10} justify="center">
          <Logo size={36} />
          <Stack gap={0}>
            <Text fz={20} fw={700} lh={1.1}>
              Hindsight
            </Text>
            <Text fz={12} c="dimmed" lh={1.2}>
              Blameless post-incident reviews
            </Text>
          </Stack>
        </Group>
        <Card p="xl" shadow="sm">
          <Stack gap="lg">
            <Box>
              <Title order={1} fz={22}>
                {title}
              </Title>
              {description && (
                <Text c="dimmed" fz="sm" mt={4}>
                  {description}
                </Text>
              )}
            </Box>
            {children}
          </Stack>
        </Card>
        <Text fz="xs" c="dimmed" ta="center">
          Ask what made the incident possible, never who caused it.
        </Text>
      </Stack>
    </Center>
  );
}
