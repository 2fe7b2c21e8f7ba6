import type { Heading, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { toString } from 'mdast-util-to-string';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { parse as parseYaml } from 'yaml';

/** A heading and the blocks under it, up to the next heading of the same or a higher level. */
export interface Section {
  heading: string;
  depth: number;
  line: number;
  /** The headings above this one, outermost first (to inherit "Action items" or "Appendix"). */
  parents: string[];
  blocks: RootContent[];
}

export interface ParsedMarkdown {
  frontMatter: Record<string, unknown>;
  lines: string[];
  tree: Root;
  /** Blocks before the first heading, then one section per heading. */
  preamble: RootContent[];
  sections: Section[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n/;

/** Front matter is blanked rather than cut so that every line number stays the author's. */
function splitFrontMatter(content: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(content);
  if (!match) return { frontMatter: {}, body: content };
  let frontMatter: Record<string, unknown> = {};
  try {
    const value: unknown = parseYaml(match[1]!);
    if (value && typeof value === 'object' && !Array.isArray(value)) frontMatter = value as Record<string, unknown>;
  } catch {
    // Not YAML after all: treat it as text.
    return { frontMatter: {}, body: content };
  }
  return { frontMatter, body: match[0].replace(/[^\n]/g, '') + content.slice(match[0].length) };
}

/**
 * A heading that only names a day ("## July 22", "### Sunday, March 31st, 2024") or a time
 * ("### 5:00 PM") belongs to the section it sits in: it is part of that timeline, not a new section.
 */
export type HeadingKind = (text: string, depth: number) => 'stamp' | 'section';

/**
 * Only the GitHub constructs the importer reads: tables, task lists and struck-out text. Bare-URL
 * autolinks and footnotes are left as text (the importer reads lines, not links); leaving them out
 * makes parsing, most of an import's time, about a quarter faster. Built once.
 */
const parseOptions = {
  extensions: [gfmTable(), gfmTaskListItem(), gfmStrikethrough()],
  mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown()],
};

export function parseMarkdown(content: string, headingKind: HeadingKind): ParsedMarkdown {
  const { frontMatter, body } = splitFrontMatter(content.replace(/\r\n?/g, '\n'));
  const tree: Root = fromMarkdown(body, parseOptions);
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  const stack: Section[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && headingKind(headingText(node), node.depth) === 'section') {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
      const section: Section = {
        heading: headingText(node),
        depth: node.depth,
        line: node.position?.start.line ?? 0,
        parents: stack.map((s) => s.heading),
        blocks: [],
      };
      sections.push(section);
      stack.push(section);
      continue;
    }
    const current = sections[sections.length - 1];
    if (current) current.blocks.push(node);
    else preamble.push(node);
  }
  return { frontMatter, lines: body.split('\n'), tree, preamble, sections };
}

export const headingText = (node: Heading): string => toString(node).trim();

/** The author's lines of a node (1-based, inclusive). */
export function nodeLines(lines: string[], node: { position?: { start: { line: number }; end: { line: number } } }): { line: number; text: string }[] {
  const start = node.position?.start.line ?? 1;
  const end = node.position?.end.line ?? start;
  const out: { line: number; text: string }[] = [];
  for (let n = start; n <= end; n += 1) out.push({ line: n, text: lines[n - 1] ?? '' });
  return out;
}

/** Markdown inline syntax removed: links keep their text, emphasis and code marks go. */
export function plainInline(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
