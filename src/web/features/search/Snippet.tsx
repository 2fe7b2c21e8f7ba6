import type { SnippetSegment } from '../../../shared/search/search.schema.js';

/** An extract with its matched words marked: text nodes only, never HTML from the server. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.highlight ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}

/** A reason's *names* emphasised. */
export function Reason({ text }: { text: string }) {
  return <>{text.split('*').map((part, i) => (i % 2 ? <em key={i}>{part}</em> : <span key={i}>{part}</span>))}</>;
}
