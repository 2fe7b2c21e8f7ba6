/**
 * `@mentions` in comments: `@` followed by a user's full name, e-mail address or first name,
 * case-insensitive, ending at a word boundary. The longest match wins ("@Ana Lima" over "@Ana"),
 * and a first name names someone only when exactly one user has it. Pure, so the editor can
 * highlight what the server will resolve.
 */
export interface Mentionable {
  id: number;
  name: string;
  email: string;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

function candidates(users: readonly Mentionable[]): Array<{ text: string; id: number }> {
  const firstNames = new Map<string, number[]>();
  for (const user of users) {
    const first = user.name.trim().split(/\s+/)[0]!.toLowerCase();
    firstNames.set(first, [...(firstNames.get(first) ?? []), user.id]);
  }
  const texts = users.flatMap((user) => [
    { text: user.name.trim().toLowerCase(), id: user.id },
    { text: user.email.toLowerCase(), id: user.id },
  ]);
  for (const [first, ids] of firstNames) if (ids.length === 1) texts.push({ text: first, id: ids[0]! });
  // Longest first, so the first match found is the longest.
  return texts.filter((c) => c.text.length > 0).sort((a, b) => b.text.length - a.text.length);
}

/** The ids of the users `text` mentions, in order of first mention, each once. */
export function findMentions(text: string, users: readonly Mentionable[]): number[] {
  if (!text.includes('@') || users.length === 0) return [];
  const lower = text.toLowerCase();
  const all = candidates(users);
  const found: number[] = [];
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    if (isWordChar(lower[at - 1])) continue; // part of an e-mail address, not a mention
    const match = all.find((c) => lower.startsWith(c.text, at + 1) && !isWordChar(lower[at + 1 + c.text.length]));
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}
