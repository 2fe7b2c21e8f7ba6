import type { ActionItem } from '../../../../shared/actions/action-item.schema.js';
import type { Factor } from '../../../../shared/reviews/factor.schema.js';
import type { Whys } from '../../../../shared/reviews/whys.schema.js';
import { Markdown } from '../../../ui/Markdown.js';
import { RecursBadge } from '../factors/FactorRecurrence.js';
import { WhysRecurrence } from '../whys/WhysRecurrence.js';
import { formatDueDate, statusMeta } from '../../actions/action-meta.js';
import { formatCalendarDay } from '../../../ui/deadline.js';

/** Free text written by people: Markdown, sanitised (see ui/Markdown.tsx). */
export function Prose({ text, empty = 'Not written.' }: { text: string | null | undefined; empty?: string }) {
  return <Markdown text={text} empty={empty} />;
}

export function FactorList({ factors, labelOf }: { factors: Factor[]; labelOf: (key: string) => string }) {
  return (
    <ul>
      {factors.map((f) => {
        const tags = [f.category, ...f.tags].filter((t): t is string => Boolean(t)).map(labelOf);
        return (
          <li key={f.id}>
            <strong>{f.title}</strong>
            {tags.length > 0 && <span className="hs-meta"> ({tags.join(', ')})</span>}
            {f.acceptedRisk && <span className="hs-meta"> · accepted risk</span>}{' '}
            <RecursBadge factorId={f.id} />
            <Markdown text={f.description} compact />
          </li>
        );
      })}
    </ul>
  );
}

export function WhysChains({ chains }: { chains: Whys[] }) {
  return (
    <>
      {chains.map((chain) => (
        <div key={chain.id}>
          <h3>Five whys: {chain.title}</h3>
          <ol>
            {chain.steps.map((step, i) => (
              <li key={i}>
                <em>{step.why}</em>
                <br />
                {step.because || <span className="hs-empty">No answer yet.</span>}
              </li>
            ))}
          </ol>
          {chain.systemicCause && (
            <p>
              <strong>Systemic cause:</strong> {chain.systemicCause}
            </p>
          )}
          <WhysRecurrence whysId={chain.id} editable={false} />
        </div>
      ))}
    </>
  );
}

export function ActionTable({ items }: { items: ActionItem[] }) {
  if (items.length === 0) return <p className="hs-empty">No action items.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Action item</th>
          <th>Owner</th>
          <th>Due</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              {item.title}
              {item.externalUrl && <span className="hs-meta"> · {item.externalUrl}</span>}
              <Markdown text={item.description} compact className="hs-meta" />
            </td>
            <td>{item.owner?.name ?? '—'}</td>
            <td className="hs-time">{formatDueDate(item.dueDate)}{item.overdue ? ' (overdue)' : ''}</td>
            <td data-testid="read-action-status">
              {statusMeta[item.status].label}
              {item.status === 'soaking' && item.soakUntil ? ` until ${formatCalendarDay(item.soakUntil)}` : ''}
              {item.status === 'declined' && item.declineReason ? `: ${item.declineReason}` : ''}
              {item.status !== 'declined' && item.secondOrderEffects && <span className="hs-meta"><br />Could make worse: {item.secondOrderEffects}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
