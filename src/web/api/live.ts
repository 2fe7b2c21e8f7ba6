/**
 * The tab's one live-update connection: a WebSocket to /api/live (src/shared/live/live-protocol.ts).
 * It reconnects on its own with exponential backoff and jitter, says again which review the tab has
 * open and which field is being edited after every reconnect, and reports a resync whenever events
 * may have been missed (the server asked for one, or the connection was down for a while).
 */
import type { RecordedEvent } from '../../shared/events/domain-events.js';
import { CLOSE_IDENTITY_CHANGED, type ClientMessage, type PresenceEntry, type ServerMessage } from '../../shared/live/live-protocol.js';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export interface LiveHandlers {
  onEvents(events: RecordedEvent[]): void;
  onPresence(reviewId: number, people: PresenceEntry[]): void;
  /** Events may have been missed: everything read so far may be stale. */
  onResync(): void;
  /** Who the caller is changed (signed out, role changed): the session should be read again. */
  onIdentityChanged(): void;
  onStatus(status: LiveStatus): void;
}

/** The part of a WebSocket the connection uses, so tests can stand in for the browser's. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}

export interface LiveOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** 0 ≤ r < 1, for the backoff's jitter. */
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const OPEN = 1;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** How long to wait before reconnect attempt `attempt` (0-based): doubling, capped, with "equal jitter". */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** The live endpoint of the page's own origin (ws: or wss: as the page). */
export const liveUrl = (location: Pick<Location, 'protocol' | 'host'>) => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;

export class LiveConnection {
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private stopped = true;
  private everOpened = false;
  private watching: number | null = null;
  private editingField: string | null = null;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly random: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly options: LiveOptions,
    private readonly handlers: LiveHandlers,
  ) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000);
    }
  }

  /** Connects now if the connection is down and waiting to retry (the network came back, the tab is visible again). */
  retryNow(): void {
    if (this.stopped || this.socket) return;
    this.cancelTimer();
    this.connect();
  }

  /** The review this tab has open, for presence (null: none). Remembered and sent again after a reconnect. */
  watch(reviewId: number | null): void {
    if (this.watching === reviewId) return;
    this.watching = reviewId;
    this.editingField = null;
    this.send({ type: 'watch', reviewId });
  }

  /** The field being edited in the watched review, or null. */
  editing(field: string | null): void {
    if (this.editingField === field) return;
    this.editingField = field;
    if (this.watching !== null) this.send({ type: 'editing', field });
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    this.handlers.onStatus(this.everOpened ? 'reconnecting' : 'connecting');
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.handlers.onStatus('open');
      if (this.watching !== null) {
        this.send({ type: 'watch', reviewId: this.watching });
        if (this.editingField !== null) this.send({ type: 'editing', field: this.editingField });
      }
      // Whatever happened while the connection was down was not pushed here: read it again.
      if (this.everOpened) this.handlers.onResync();
      this.everOpened = true;
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => undefined; // a close event follows; that is where reconnecting is decided
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      if (event.code === CLOSE_IDENTITY_CHANGED) {
        this.handlers.onIdentityChanged();
        this.attempt = 0;
      }
      this.scheduleReconnect();
    };
  }

  private receive(data: unknown): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return; // not ours to understand; the next resync repairs anything it might have said
    }
    switch (message.type) {
      case 'events':
        if (message.events.length) this.handlers.onEvents(message.events);
        break;
      case 'presence':
        this.handlers.onPresence(message.reviewId, message.people);
        break;
      case 'resync':
        this.handlers.onResync();
        break;
      case 'welcome':
      case 'error':
        break;
    }
  }

  private scheduleReconnect(): void {
    this.handlers.onStatus('reconnecting');
    const delay = reconnectDelay(this.attempt++, this.random);
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (!this.stopped && !this.socket) this.connect();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
