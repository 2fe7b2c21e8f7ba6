import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { localDayKey } from '../../ui/format.js';
import classes from './timeline.module.css';
import { TimelineRow } from './TimelineRow.js';

const ROW = 58;
const OVERSCAN = 6;

interface Props {
  entries: TimelineEntry[];
  onOpen: (entry: TimelineEntry) => void;
  /** The entry to bring into view and flash (e.g. just added). */
  highlightId: number | null;
  maxHeight?: number;
}

/**
 * A windowed list: only the rows in view (plus a few) are rendered, so thousands of entries stay
 * fast. Arrow keys, Home, End, PageUp and PageDown move between entries; Enter opens one.
 */
export function TimelineList({ entries, onOpen, highlightId, maxHeight = 560 }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const height = Math.min(entries.length * ROW, maxHeight);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(entries.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);

  const reveal = useCallback(
    (index: number) => {
      const el = viewport.current;
      if (!el) return;
      const top = index * ROW;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW > el.scrollTop + height) el.scrollTop = top + ROW - height;
      setScrollTop(el.scrollTop);
    },
    [height],
  );

  useEffect(() => {
    if (highlightId === null) return;
    const index = entries.findIndex((e) => e.id === highlightId);
    if (index >= 0) reveal(index);
  }, [highlightId, entries, reveal]);

  // Focus follows the keyboard once the target row is rendered.
  useLayoutEffect(() => {
    if (focusIndex === null) return;
    const row = viewport.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`);
    if (!row) return;
    row.focus({ preventScroll: true });
    setFocusIndex(null);
  }, [focusIndex, first, last]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = Number((event.target as HTMLElement).dataset.index ?? -1);
    if (current < 0) return;
    const page = Math.max(1, Math.floor(height / ROW) - 1);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: entries.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(entries.length - 1, next));
    reveal(clamped);
    setFocusIndex(clamped);
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const entry = entries[i]!;
    const previous = entries[i - 1];
    rows.push(
      <TimelineRow
        key={entry.id}
        entry={entry}
        index={i}
        setSize={entries.length}
        top={i * ROW}
        height={ROW}
        showDay={!previous || localDayKey(previous.occurredAt) !== localDayKey(entry.occurredAt)}
        highlighted={entry.id === highlightId}
        onOpen={onOpen}
      />,
    );
  }

  return (
    <div
      ref={viewport}
      className={classes.viewport}
      style={{ height: height + 2 }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      role="list"
      aria-label={`Timeline, ${entries.length} entries in time order`}
      data-testid="timeline-list"
    >
      <div style={{ height: entries.length * ROW, position: 'relative' }}>{rows}</div>
    </div>
  );
}
