import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { incidentOfEvent, type RecordedEvent } from '../../shared/events/domain-events.js';
import { CLOSE_IDENTITY_CHANGED, type ClientMessage, type PresenceEntry, type ServerMessage } from '../../shared/live/live-protocol.js';
import type { Actor } from '../access/actor.js';
import { incidentAudiences, inAudience, type IncidentAudience } from '../access/visibility.js';
import type { AppContext } from '../context.js';
import type { EventSubscriber } from '../events/event-bus.js';
import { getReview } from '../reviews/reviews.service.js';
import { PresenceBoard } from './presence-board.js';

/** A client further behind than this is dropped (it reconnects and reads everything again). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const PING_MS = 30_000;

interface Client {
  key: string;
  socket: WebSocket;
  /** Who the connection acts for: its requests' context. */
  ctx: AppContext;
  actor: Actor;
  reviewId: number | null;
  editing: string | null;
  alive: boolean;
  /** Messages are handled one after another, in the order they came. */
  handling: Promise<void>;
}

/** Account events that change who a connection acts for: its sockets are closed, so it signs in again. */
const identityEvents = new Set(['session.ended', 'api_token.revoked', 'user.changed']);

/**
 * This instance's live-update connections. Committed events (from the event bus) go to every
 * connection whose caller may see them, checked per event against the incident's current audience:
 * a restricted incident's events reach its members and admins only. Account events reach admins and
 * the user concerned. Presence comes from the presence board, shared by every instance.
 */
export class LiveHub implements EventSubscriber {
  readonly #clients = new Map<string, Client>();
  readonly #presence: PresenceBoard;
  #pinger: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: AppContext) {
    this.#presence = new PresenceBoard(ctx.events, (reviewId, people) => this.#sendPresence(reviewId, people));
  }

  start(): () => void {
    const unsubscribe = this.ctx.events.bus.subscribe(this);
    this.#presence.start();
    this.#pinger = setInterval(() => this.#ping(), PING_MS);
    this.#pinger.unref();
    return unsubscribe;
  }

  async stop(): Promise<void> {
    if (this.#pinger) clearInterval(this.#pinger);
    // Browsers reconnect (to this or another instance) with backoff.
    for (const client of this.#clients.values()) client.socket.terminate();
    this.#clients.clear();
    await this.#presence.stop();
  }

  connect(socket: WebSocket, ctx: AppContext, actor: Actor): void {
    const client: Client = { key: randomUUID(), socket, ctx, actor, reviewId: null, editing: null, alive: true, handling: Promise.resolve() };
    this.#clients.set(client.key, client);
    socket.on('pong', () => (client.alive = true));
    socket.on('message', (data) => {
      client.handling = client.handling.then(() => this.#receive(client, String(data)));
    });
    socket.on('close', () => {
      this.#clients.delete(client.key);
      this.#presence.set(client.key, null);
    });
    this.#send(client, { type: 'welcome', instanceId: this.ctx.events.instanceId });
  }

  async onEvents(events: readonly RecordedEvent[]): Promise<void> {
    if (this.#clients.size === 0) return;
    const ids = events.map(incidentOfEvent).filter((id): id is number => id !== null);
    const audiences = await incidentAudiences(this.ctx.db, ids);
    for (const client of this.#clients.values()) {
      const visible = events.filter((event) => mayHear(client.actor, event, audiences));
      if (visible.length) this.#send(client, { type: 'events', events: visible });
      if (events.some((event) => identityEvents.has(event.type) && 'userId' in event && event.userId === client.actor.userId)) {
        client.socket.close(CLOSE_IDENTITY_CHANGED, 'Your session or role changed: connect again');
      }
    }
  }

  onResync(): void {
    for (const client of this.#clients.values()) this.#send(client, { type: 'resync' });
  }

  async #receive(client: Client, data: string): Promise<void> {
    let message: ClientMessage;
    try {
      message = JSON.parse(data) as ClientMessage;
    } catch {
      return this.#send(client, { type: 'error', message: 'Messages are JSON' });
    }
    if (message.type === 'watch') {
      const reviewId = message.reviewId;
      if (reviewId !== null && !(Number.isSafeInteger(reviewId) && reviewId > 0 && (await this.#maySee(client, reviewId)))) {
        return this.#send(client, { type: 'error', message: `Review ${String(reviewId)} not found` });
      }
      client.reviewId = reviewId;
      client.editing = null;
    } else if (message.type === 'editing') {
      client.editing = typeof message.field === 'string' ? message.field.slice(0, 200) : null;
    } else {
      return this.#send(client, { type: 'error', message: 'Unknown message type' });
    }
    this.#presence.set(client.key, client.reviewId === null ? null : { reviewId: client.reviewId, userId: client.actor.userId, name: client.actor.name, editing: client.editing });
  }

  async #maySee(client: Client, reviewId: number): Promise<boolean> {
    try {
      await getReview(client.ctx, reviewId);
      return true;
    } catch {
      return false;
    }
  }

  #sendPresence(reviewId: number, people: PresenceEntry[]): void {
    for (const client of this.#clients.values()) if (client.reviewId === reviewId) this.#send(client, { type: 'presence', reviewId, people });
  }

  #send(client: Client, message: ServerMessage): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) return client.socket.terminate();
    client.socket.send(JSON.stringify(message));
  }

  #ping(): void {
    for (const client of this.#clients.values()) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }
}

/** Whether `actor` may hear of the event: the incident's audience, or for account events, admins and the user concerned. */
function mayHear(actor: Actor, event: RecordedEvent, audiences: Map<number, IncidentAudience>): boolean {
  const incidentId = incidentOfEvent(event);
  if (incidentId !== null) return inAudience(actor, audiences.get(incidentId)!);
  // Deploys and changes, and the global review, are the organisation's: everyone may hear of them.
  if (event.type === 'changes.added' || event.type === 'global_review.changed') return true;
  return actor.role === 'admin' || ('userId' in event && event.userId === actor.userId);
}
