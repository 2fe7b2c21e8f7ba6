import { Kbd, Modal, Table } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { isTypingTarget, shortcutAction, shortcutList } from './shortcuts.js';

// Loaded on first use, like the pages: the first load stays as small as it was.
const SearchPalette = lazy(() => import('../../features/search/SearchPalette.js'));

/** Listens for the shortcuts everywhere in the app, shows them on `?` and opens the search palette. */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const action = shortcutAction({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, typing: isTypingTarget(target) });
      if (!action || (open && action.kind !== 'help') || (paletteOpen && action.kind !== 'palette')) return;
      if (action.kind === 'help') setOpen((o) => !o);
      else if (action.kind === 'palette') setPaletteOpen((o) => !o);
      else if (action.kind === 'new-entry') {
        const entry = document.querySelector<HTMLInputElement>('[data-testid="quick-entry"]');
        if (!entry) return;
        entry.scrollIntoView({ block: 'center' });
        entry.focus({ preventScroll: true });
      } else {
        const links = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Review sections"] a')].filter((a) => a.offsetParent !== null);
        const link = links[action.index];
        if (!link) return;
        link.click();
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, paletteOpen]);

  return (
    <>
      {paletteOpen && (
        <Suspense fallback={null}>
          <SearchPalette opened onClose={() => setPaletteOpen(false)} />
        </Suspense>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Keyboard shortcuts" data-testid="shortcuts-help">
        <Table>
          <Table.Tbody>
            {shortcutList.map((s) => (
              <Table.Tr key={s.keys}>
                <Table.Td w={90}>
                  <Kbd>{s.keys}</Kbd>
                </Table.Td>
                <Table.Td>{s.does}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </>
  );
}
