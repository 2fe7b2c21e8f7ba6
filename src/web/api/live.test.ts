import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../shared/events/domain-events.js';
import { CLOSE_IDENTITY_CHANGED } from '../../shared/live/live-protocol.js';
import { LiveConnection, liveUrl, reconnectDelay, type LiveHandlers, type LiveStatus, type SocketLike } from './live.js';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  const log = { events: [] as RecordedEvent[][], presence: [] as unknown[], resyncs: 0, identity: 0, statuses: [] as LiveStatus[] };
  const handlers: LiveHandlers = {
    onEvents: (events) => log.events.push(events),
    onPresence: (reviewId, people) => log.presence.push({ reviewId, people }),
    onResync: () => log.resyncs++,
    onIdentityChanged: () => log.identity++,
    onStatus: (status) => log.statuses.push(status),
  };
  const connection = new LiveConnection(
    {
      url: 'ws://example.test/api/live',
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
      random: () => 0.5,
      setTimer: (run, ms) => {
        const timer = { run, ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => {
        (timer as { cleared: boolean }).cleared = true;
      },
    },
    handlers,
  );
  const fire = () => {
    const timer = timers.filter((t) => !t.cleared).at(-1)!;
    timer.cleared = true;
    timer.run();
    return timer.ms;
  };
  return { connection, sockets, timers, log, fire };
}

const event = { type: 'review.changed', reviewId: 3, incidentId: 2, fields: ['summary'], id: 10, at: '2026-12-02T10:00:00Z', actor: { userId: 7, name: 'Priya Shah' } } as RecordedEvent;

describe('the live connection', () => {
  it('hands events, presence and resyncs to its handlers', () => {
    const { connection, sockets, log } = harness();
    connection.start();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'welcome', instanceId: 'a' });
    sockets[0]!.receive({ type: 'events', events: [event] });
    sockets[0]!.receive({ type: 'presence', reviewId: 3, people: [{ userId: 7, name: 'Priya Shah', editing: 'summary' }] });
    sockets[0]!.receive({ type: 'resync' });
    expect(log.events).toEqual([[event]]);
    expect(log.presence).toEqual([{ reviewId: 3, people: [{ userId: 7, name: 'Priya Shah', editing: 'summary' }] }]);
    expect(log.resyncs).toBe(1);
    expect(log.statuses).toEqual(['connecting', 'open']);
  });

  it('ignores what it cannot parse', () => {
    const { connection, sockets, log } = harness();
    connection.start();
    sockets[0]!.open();
    sockets[0]!.onmessage?.({ data: 'not json' });
    expect(log.events).toEqual([]);
  });

  it('says which review is open and which field is edited, and says it again after reconnecting', () => {
    const { connection, sockets, fire } = harness();
    connection.watch(3); // before the socket is open: remembered
    connection.start();
    sockets[0]!.open();
    connection.editing('summary');
    connection.editing('summary'); // unchanged: not sent twice
    expect(sockets[0]!.sent).toEqual([
      { type: 'watch', reviewId: 3 },
      { type: 'editing', field: 'summary' },
    ]);
    sockets[0]!.drop();
    fire();
    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([
      { type: 'watch', reviewId: 3 },
      { type: 'editing', field: 'summary' },
    ]);
  });

  it('reconnects with growing, capped delays and reads everything again once it is back', () => {
    const { connection, sockets, fire, log } = harness();
    connection.start();
    sockets[0]!.open();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      sockets.at(-1)!.drop();
      delays.push(fire());
    }
    expect(delays).toEqual([375, 750, 1500, 3000, 6000, 12000, 22500, 22500]);
    expect(log.resyncs).toBe(0);
    sockets.at(-1)!.open();
    expect(log.resyncs).toBe(1);
    // A successful connection starts the delays over.
    sockets.at(-1)!.drop();
    expect(fire()).toBe(375);
  });

  it('asks for the session again when the server says who the caller is changed', () => {
    const { connection, sockets, fire, log } = harness();
    connection.start();
    sockets[0]!.open();
    sockets[0]!.drop(CLOSE_IDENTITY_CHANGED);
    expect(log.identity).toBe(1);
    fire();
    expect(sockets).toHaveLength(2);
  });

  it('stops for good when stopped, and retries at once when asked', () => {
    const { connection, sockets, timers, fire } = harness();
    connection.start();
    sockets[0]!.drop();
    connection.retryNow();
    expect(sockets).toHaveLength(2);
    expect(timers.every((t) => t.cleared)).toBe(true);
    connection.stop();
    expect(sockets[1]!.closedWith).toBe(1000);
    sockets[1]!.drop();
    expect(timers.filter((t) => !t.cleared)).toHaveLength(0);
    expect(() => fire()).toThrow();
  });
});

describe('reconnect delays', () => {
  it('stay between half and all of the ceiling, never above 30 s', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 0.999999)).toBe(500);
    expect(reconnectDelay(40, () => 0.999999)).toBe(30_000);
  });
});

describe('the live URL', () => {
  it('uses the page origin, secure when the page is', () => {
    expect(liveUrl({ protocol: 'https:', host: 'hindsight.example.com' })).toBe('wss://hindsight.example.com/api/live');
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:3100' })).toBe('ws://127.0.0.1:3100/api/live');
  });
});
