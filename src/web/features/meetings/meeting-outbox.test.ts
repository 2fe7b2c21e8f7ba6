import { describe, expect, it } from 'vitest';
import { MeetingOutbox, type KeyValueStorage, type OutboxItem, type SendResult } from './meeting-outbox.js';

class MemoryStorage implements KeyValueStorage {
  readonly values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
  removeItem = (key: string) => void this.values.delete(key);
}

const edit = (label: string) => ({ label, method: 'POST' as const, path: '/api/reviews/1/action-items', body: { title: label } });

describe('the meeting outbox', () => {
  it('keeps edits through a dropped connection, in order, and sends each once with its key when back', async () => {
    const storage = new MemoryStorage();
    let online = false;
    const sent: OutboxItem[] = [];
    const send = (item: OutboxItem): Promise<SendResult> => {
      if (!online) return Promise.resolve('offline');
      sent.push(item);
      return Promise.resolve('sent');
    };
    const outbox = new MeetingOutbox(storage, 'k', send);
    await outbox.add(edit('First'), 'key-1');
    await outbox.add(edit('Second'), 'key-2');
    expect(outbox.get().pending.map((i) => i.label)).toEqual(['First', 'Second']);

    // The page is reloaded while offline: what was typed is still there.
    const reloaded = new MeetingOutbox(storage, 'k', send);
    expect(reloaded.get().pending.map((i) => i.key)).toEqual(['key-1', 'key-2']);
    online = true;
    await reloaded.flush();
    expect(sent.map((i) => i.key)).toEqual(['key-1', 'key-2']);
    expect(reloaded.get().pending).toEqual([]);
    expect(storage.values.has('k')).toBe(false);
  });

  it('sets a refused edit aside with what was typed, and goes on with the rest', async () => {
    const outbox = new MeetingOutbox(new MemoryStorage(), 'k', (item) => Promise.resolve(item.label === 'Bad' ? { refused: 'title: too long' } : 'sent'));
    await outbox.add(edit('Bad'), 'a');
    await outbox.add(edit('Good'), 'b');
    expect(outbox.get()).toMatchObject({ pending: [], refused: [{ item: { label: 'Bad' }, message: 'title: too long' }] });
    outbox.dismiss('a');
    expect(outbox.get().refused).toEqual([]);
  });

  it('treats a thrown send as offline and flushes one at a time', async () => {
    let calls = 0;
    const outbox = new MeetingOutbox(new MemoryStorage(), 'k', () => {
      calls++;
      return Promise.reject(new Error('boom'));
    });
    await Promise.all([outbox.add(edit('One'), 'x'), outbox.flush()]);
    expect(calls).toBe(1);
    expect(outbox.get().pending).toHaveLength(1);
  });
});
