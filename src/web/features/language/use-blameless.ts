import { useEffect, useState } from 'react';
import type { LanguageFinding } from '../../../shared/language/index.js';
import { checkBlamelessText } from './language-client.js';
import { useLanguageState } from './LanguageContext.js';

/** How long typing pauses before the text is checked. */
export const CHECK_DELAY_MS = 300;

export interface BlamelessResult {
  /** The text the findings belong to: offsets are into this, which may lag behind the field. */
  text: string;
  findings: LanguageFinding[];
}

const EMPTY: BlamelessResult = { text: '', findings: [] };

/**
 * F7 findings for a field's current text, checked in the language worker once typing pauses.
 * The previous findings stay up while the next check runs, so nothing flickers as one types.
 */
export function useBlamelessFindings(text: string): BlamelessResult {
  const { people } = useLanguageState();
  const [result, setResult] = useState<BlamelessResult>(EMPTY);
  const blank = text.trim() === '';
  // A cleared field forgets its findings, so old ones never flash up for the next text.
  if (blank && result !== EMPTY) setResult(EMPTY);

  useEffect(() => {
    if (blank) return;
    let current = true;
    const timer = setTimeout(() => {
      checkBlamelessText(text, people).then(
        (findings) => current && setResult({ text, findings }),
        () => current && setResult(EMPTY),
      );
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, people, blank]);

  return blank ? EMPTY : result;
}
