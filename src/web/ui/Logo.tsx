/** The Hindsight mark: an H whose right stem looks back (a small dot at its top). */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-hindsight-7)" />
      <path d="M9 8v16M23 8v16M9 16h14" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" />
      <circle cx="23" cy="8" r="2.6" fill="var(--mantine-color-hindsight-2)" />
    </svg>
  );
}
