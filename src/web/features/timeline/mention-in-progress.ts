/** The `@name` being typed at the end of a comment, if any ("Thanks @pri" → "pri"); null once it is finished. */
export function mentionInProgress(text: string): string | null {
  const match = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}_.' -]{0,40})$/u.exec(text);
  if (!match) return null;
  const typed = match[1]!;
  return typed.includes('  ') || /\s$/.test(typed) ? null : typed;
}
