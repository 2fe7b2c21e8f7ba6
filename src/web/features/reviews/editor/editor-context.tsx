import { createContext, useContext, type ReactNode } from 'react';

export interface EditorMode {
  reviewId: number;
  /** Published: nothing of the review may change until it is reopened (action items' progress excepted). */
  readOnly: boolean;
}

const EditorModeContext = createContext<EditorMode>({ reviewId: 0, readOnly: false });

export function EditorModeProvider({ mode, children }: { mode: EditorMode; children: ReactNode }) {
  return <EditorModeContext.Provider value={mode}>{children}</EditorModeContext.Provider>;
}

/** Whether the review open in the editor may be changed, and which review it is. */
export const useEditorMode = (): EditorMode => useContext(EditorModeContext);
