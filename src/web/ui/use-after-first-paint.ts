import { startTransition, useEffect, useState } from 'react';

/**
 * False for the first render, true shortly after: lets a page show (and accept input in) what is
 * on screen first and render the rest in an interruptible transition when the browser is idle.
 */
export function useAfterFirstPaint(timeout = 250): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const show = () => startTransition(() => setReady(true));
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(show, { timeout });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(show, 50);
    return () => clearTimeout(id);
  }, [timeout]);
  return ready;
}
