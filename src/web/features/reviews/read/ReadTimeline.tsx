import type { TimelineEntry } from '../../../../shared/timeline/timeline.schema.js';
import { formatDate, localDayKey } from '../../../ui/format.js';
import { kindMeta } from '../../timeline/kinds.js';

/** The whole timeline as a plain table: cheap to render, prints on as many pages as needed. */
export function ReadTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="hs-empty">No timeline entries.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Time</th>
          <th>Kind</th>
          <th>Event</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, i) => {
          const newDay = i === 0 || localDayKey(entries[i - 1]!.occurredAt) !== localDayKey(entry.occurredAt);
          return (
            <tr key={entry.id}>
              <td className="hs-time" title={entry.occurredAt}>
                {newDay ? formatDate(entry.occurredAt, 'datetimeSeconds') : formatDate(entry.occurredAt, 'timeSeconds')}
              </td>
              <td className="hs-kind">{kindMeta[entry.kind].label}</td>
              <td>{entry.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
