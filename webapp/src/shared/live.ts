// The live channel: one WebSocket to ws/channel (next to the page), authenticated by the session cookie.
// Keeps the last `sequence` seen and, after a reconnect, asks the server for what it
// missed with {"type":"resume","after":N} as the first message. Reconnects with
// exponential backoff (1 s .. 30 s, with jitter).
import type { Case, CaseMessage } from './types';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** `case.created`, `case.claim`, `case.release`, ... `case.overdue`: the case as it now is. */
export type CaseEvent = { type: `case.${string}`; sequence: number; case: Case };
export type ChatEvent = { type: 'message.posted'; sequence: number; message: CaseMessage };
/** Stage II: a reporting command or breach; identifiers and the report's new state only. */
export type ReportEvent = {
  type: 'report.changed';
  sequence: number;
  case: { reportId: string; caseId: string; command: string; state: string };
};
export type LiveMessage = CaseEvent | ChatEvent | ReportEvent;

export function isCaseEvent(message: LiveMessage): message is CaseEvent {
  return message.type.startsWith('case.') && 'case' in message && !!message.case;
}

export function isReportEvent(message: LiveMessage): message is ReportEvent {
  return message.type === 'report.changed' && 'case' in message && !!message.case;
}

type MessageListener = (message: LiveMessage) => void;
type StatusListener = (status: LiveStatus) => void;

const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

export class LiveChannel {
  private socket: WebSocket | null = null;
  private lastSequence: number | null = null;
  private attempts = 0;
  private timer: number | undefined;
  private running = false;
  private state: LiveStatus = 'stopped';
  private readonly messageListeners = new Set<MessageListener>();
  private readonly statusListeners = new Set<StatusListener>();

  /** Called before each reconnect after a failure; may sign the user out (401). */
  constructor(
    private readonly url: string,
    private readonly beforeReconnect: () => Promise<void> = async () => {},
  ) {}

  get status(): LiveStatus {
    return this.state;
  }

  onMessage(listener: MessageListener): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    listener(this.state);
    return () => this.statusListeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  stop(): void {
    this.running = false;
    window.clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    if (socket) socket.close(1000, 'logout');
    this.lastSequence = null;
    this.attempts = 0;
    this.setStatus('stopped');
  }

  private open(): void {
    this.setStatus(this.attempts === 0 && this.lastSequence === null ? 'connecting' : 'reconnecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      if (this.lastSequence !== null) {
        socket.send(JSON.stringify({ type: 'resume', after: this.lastSequence }));
      }
      this.attempts = 0;
      this.setStatus('live');
    });
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket) return;
      this.handle(event.data);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      // 1008 (policy violation): the server refused us, most likely the session ended
      if (this.running) this.scheduleReconnect(event.code === 1008);
    });
  }

  private handle(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: { type?: unknown; sequence?: unknown };
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message.sequence === 'number') {
      if (this.lastSequence !== null && message.sequence <= this.lastSequence) return; // duplicate
      this.lastSequence = message.sequence;
    }
    const type = message.type;
    const known =
      typeof type === 'string' &&
      (((type.startsWith('case.') || type === 'report.changed') && 'case' in message) || (type === 'message.posted' && 'message' in message));
    if (known) {
      for (const listener of this.messageListeners) listener(message as LiveMessage);
    }
  }

  private scheduleReconnect(refused = false): void {
    this.setStatus('reconnecting');
    this.attempts += 1;
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** (this.attempts - 1));
    const delay = base / 2 + Math.random() * (base / 2);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(async () => {
      if (!this.running) return;
      if (refused || this.attempts >= 2) {
        try {
          await this.beforeReconnect();
        } catch {
          /* server still unreachable or signed out: handled by the caller */
        }
      }
      if (this.running) this.open();
    }, delay);
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.state) return;
    this.state = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

/** ws(s)://<host>/<context path>/ws/channel, relative to the page like the REST calls. */
export function channelUrl(path = 'ws/channel'): string {
  const url = new URL(path, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  return url.href;
}
