import { useEffect, useRef, useState } from 'react';
import type { QualityScore } from '../../../shared/language/index.js';
import type { ReviewDocument } from '../../../shared/reviews/review-document.schema.js';
import { computeReviewQuality } from './language-client.js';

/** Saves come in bursts (a form closes, lists refresh): wait for them to settle. */
const SETTLE_MS = 400;
const IDLE_TIMEOUT_MS = 2000;

/**
 * F9 for the review as saved: `reviewQuality(doc)` in the language worker, after the edits settle
 * and the page is idle, so neither loading a 2,000-entry timeline nor typing waits for it. The
 * last score stays on screen while the next one is computed.
 */
export function useReviewQuality(doc: ReviewDocument | null): { quality: QualityScore | null; computing: boolean; failed: boolean } {
  const [quality, setQuality] = useState<QualityScore | null>(null);
  const [computing, setComputing] = useState(false);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    if (!doc) return;
    const run = ++latest.current;
    let idle: number | undefined;
    const timer = setTimeout(() => {
      const go = () => {
        setComputing(true);
        computeReviewQuality(doc)
          .then(
            (score) => {
              if (run !== latest.current) return;
              setQuality(score);
              setFailed(false);
            },
            () => run === latest.current && setFailed(true),
          )
          .finally(() => run === latest.current && setComputing(false));
      };
      if ('requestIdleCallback' in window) idle = window.requestIdleCallback(go, { timeout: IDLE_TIMEOUT_MS });
      else go();
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, [doc]);

  return { quality, computing, failed };
}
