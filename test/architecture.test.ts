import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The server's feature folders depend on each other in one direction only: a cycle between two
 * features (incidents importing timeline, timeline importing incidents) means neither can change
 * alone. Features react to each other through the composition root (src/server/wiring.ts) and
 * events instead. Type-only imports do not count: they vanish when compiled.
 */
const serverRoot = path.resolve('src/server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Feature folder → the feature folders it imports at run time. */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(serverRoot)) {
    const feature = path.relative(serverRoot, file).split(path.sep)[0]!;
    if (feature.endsWith('.ts')) continue; // the composition root and the process entry points
    const edges = graph.get(feature) ?? new Set<string>();
    graph.set(feature, edges);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)';/gms)) {
      const target = path.relative(serverRoot, path.resolve(path.dirname(file), specifier!)).split(path.sep)[0]!;
      if (!target.startsWith('..') && !target.endsWith('.js') && target !== feature) edges.add(target);
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('server architecture', () => {
  it('has no import cycle between feature folders', () => {
    expect(findCycle(featureGraph())).toBeNull();
  });

  it('keeps incidents independent of the features built on them', () => {
    const incidents = featureGraph().get('incidents')!;
    expect([...incidents].filter((feature) => ['timeline', 'reviews', 'review-document', 'factors', 'actions', 'whys'].includes(feature))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    expect(findCycle(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]))).toEqual(['a', 'b', 'c', 'a']);
  });
});
