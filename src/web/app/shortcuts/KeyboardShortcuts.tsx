import { Kbd, Modal, Table } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isTypingTarget, shortcutAction, shortcutList } from './shortcuts.js';

const searchSelector = '[data-shortcut="search"]';

function focusSearch(): boolean {
  const input = document.querySelector<HTMLInputElement>(searchSelector);
  input?.focus();
  return Boolean(input);
}

/** Listens for the single-key shortcuts everywhere in the app and shows them on `?`. */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const [searchPending, setSearchPending] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();

  // "/" on a page without the search box goes to the incidents list, then focuses its search.
  useEffect(() => {
    if (searchPending && location.pathname === '/incidents' && focusSearch()) setSearchPending(false);
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const action = shortcutAction({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, typing: isTypingTarget(target) });
      if (!action || (open && action.kind !== 'help')) return;
      if (action.kind === 'help') setOpen((o) => !o);
      else if (action.kind === 'search') {
        if (!focusSearch()) {
          setSearchPending(true);
          void navigate('/incidents');
        }
      } else if (action.kind === 'new-entry') {
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
  }, [navigate, open]);

  return (
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
  );
}
