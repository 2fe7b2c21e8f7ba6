import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

/** A page of a cursor-paginated list, as every list endpoint of the API answers. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A cursor-paginated list: the query (for "load more", loading and error states) and its items so
 * far. `refetchInterval` keeps a live list (the job queue) current.
 */
export function useCursorPages<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>,
  options: { refetchInterval?: number } = {},
) {
  const query = useInfiniteQuery({
    ...options,
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
