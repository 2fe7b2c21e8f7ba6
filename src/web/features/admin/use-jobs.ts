import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { jobsApi } from '../../api/jobs.js';
import { queryKeys } from '../../api/query-keys.js';

/** The queue changes on its own as workers run: lists and counts refresh every few seconds. */
export const JOBS_REFRESH_MS = 3_000;

export function useJobSummary() {
  return useQuery({ queryKey: queryKeys.jobSummary, queryFn: ({ signal }) => jobsApi.summary(signal), refetchInterval: JOBS_REFRESH_MS });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => jobsApi.retry(id),
    onSuccess: (job) => notifications.show({ color: 'teal', title: `Job #${job.id} queued`, message: 'It runs again now; steps it completed are not repeated.' }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not retried', message: error.message }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.jobs }),
  });
}

export function usePing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (failAttempts: number) => jobsApi.ping(failAttempts),
    onSuccess: (job, failAttempts) =>
      notifications.show({
        color: 'blue',
        title: failAttempts ? `Failure drill queued (job #${job.id})` : `Ping queued (job #${job.id})`,
        message: failAttempts
          ? `It fails each of its ${failAttempts} attempts, then lands among the dead jobs; retry it to see it succeed.`
          : 'Done within a few seconds means a worker is running.',
      }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not queued', message: error.message }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.jobs }),
  });
}
