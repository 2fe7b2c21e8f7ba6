import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/** How far below the screen a drawing counts as near: it is drawn before it scrolls into view. */
const NEAR_PX = 300;

/** Deferred drawings, drawn one per idle moment of the browser so that none blocks input for long. */
const waiting: Array<() => void> = [];
let scheduled = false;
/** While printing everything is drawn at once, including drawings inside those just drawn. */
let printing = false;

function drawNextWhenIdle() {
  if (scheduled || waiting.length === 0) return;
  scheduled = true;
  const next = () => {
    scheduled = false;
    waiting.shift()?.();
    drawNextWhenIdle();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(next, { timeout: 2_000 });
  else setTimeout(next, 50);
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => {
    printing = true;
    while (waiting.length) flushSync(waiting.shift()!);
  });
  window.addEventListener('afterprint', () => (printing = false));
}

/**
 * Draws `children` (a chart, a card) at once when it is on screen; else when the browser is next
 * idle, when it scrolls near, or before printing, whichever comes first. A placeholder of `height`
 * holds its place meanwhile. A page of charts then shows its first screen without first laying out
 * every chart below it (each takes tens of milliseconds).
 */
export function DrawnWhenNear({ height, children }: { height: number; children: ReactNode }) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  // Before the first paint: what is on screen is drawn in the same frame as the rest of the page.
  useLayoutEffect(() => {
    const top = placeholder.current?.getBoundingClientRect().top;
    if (printing || (top !== undefined && top < window.innerHeight)) setDrawn(true);
  }, []);
  useEffect(() => {
    const element = placeholder.current;
    if (drawn || !element) return;
    const draw = () => setDrawn(true);
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && draw(), { rootMargin: `${NEAR_PX}px 0px` });
    observer.observe(element);
    waiting.push(draw);
    drawNextWhenIdle();
    return () => {
      observer.disconnect();
      const index = waiting.indexOf(draw);
      if (index >= 0) waiting.splice(index, 1);
    };
  }, [drawn]);
  if (drawn) return <>{children}</>;
  return <div ref={placeholder} style={{ height }} data-drawing-deferred="" aria-busy="true" />;
}
