import fs from 'node:fs';
import path from 'node:path';

/** test/fixtures/slack-export as path → text: Slack's export layout (users.json, channels.json, <channel>/<day>.json). */
export function slackFixture(): Record<string, string> {
  const root = path.resolve('test/fixtures/slack-export');
  const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => [path.relative(root, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
}
