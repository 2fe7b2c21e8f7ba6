/** Whether an Accept-Encoding header accepts gzip (`gzip` or `*`, with a non-zero quality). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (name.trim() === 'gzip' || name.trim() === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}
