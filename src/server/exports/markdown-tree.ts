import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/**
 * Markdown (with GitHub's tables, task lists and strikethrough) as a syntax tree, the one input of
 * the HTML and PDF renderers. The review's Markdown is already safe (shared/reviews/markdown/mdast.ts);
 * the renderers still escape everything and refuse unsafe links, so any Markdown may be given.
 */
export const parseMarkdown = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
