import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ActionFinding, QualityScore } from '../../../shared/language/index.js';
import type { PeopleSource } from './language-protocol.js';

interface LanguageState {
  /** Whose names count as people in the checked text; null outside a review. */
  people: PeopleSource | null;
  /** The review's quality score as last computed in the worker; null until the first result. */
  quality: QualityScore | null;
  computing: boolean;
}

const LanguageContext = createContext<LanguageState>({ people: null, quality: null, computing: false });

/** Gives the fields of one review its people and the score's findings (action items, contributors). */
export function LanguageProvider({ people, quality, computing, children }: LanguageState & { children: ReactNode }) {
  const key = people ? JSON.stringify(people) : '';
  // Stable while the names stay the same, so the fields do not check their text again.
  const stablePeople = useMemo(() => people, [key]);
  const value = useMemo(() => ({ people: stablePeople, quality, computing }), [stablePeople, quality, computing]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export const useLanguageState = (): LanguageState => useContext(LanguageContext);

/** F8 findings about one action item or one contributor, from the latest quality result. */
export function useActionFindings(kind: 'action' | 'factor', id: number): ActionFinding[] {
  const { quality } = useLanguageState();
  return useMemo(
    () => (quality?.actionFindings ?? []).filter((f) => f.target.kind === kind && String(f.target.id) === String(id)),
    [quality, kind, id],
  );
}
