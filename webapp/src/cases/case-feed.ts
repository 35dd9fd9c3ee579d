// The cases a page shows: loaded over REST, then kept current by the live channel.
// Both sources are merged by case id, so an event that races the initial load is not lost
// and a case is never shown twice.
import { api } from '../shared/api';
import { isCaseEvent, type LiveChannel } from '../shared/live';
import type { Case } from '../shared/types';

export type FeedListener = (cases: readonly Case[], fresh: ReadonlySet<string>) => void;

export class CaseFeed {
  private readonly byId = new Map<string, Case>();
  private readonly listeners = new Set<FeedListener>();
  private readonly unsubscribers: (() => void)[] = [];
  loaded = false;

  constructor(
    private readonly accept: (c: Case) => boolean = () => true,
  ) {}

  /**
   * Subscribes to live events first, then loads the list. Whenever the channel (re)connects
   * the list is loaded again, which closes the gap between the first load and the socket.
   */
  async start(live: LiveChannel | null): Promise<void> {
    if (live) {
      this.unsubscribers.push(
        live.onMessage((message) => {
          if (!isCaseEvent(message)) return;
          // every case.* event carries the case as it now is: a case that no longer passes
          // (e.g. left the triage states) drops out, the others are updated in place
          if (this.accept(message.case)) this.upsert([message.case], message.type === 'case.created');
          else this.remove(message.case.id);
        }),
      );
      let wasLive = live.status === 'live';
      this.unsubscribers.push(
        live.onStatus((status) => {
          if (status === 'live' && !wasLive && this.loaded) void this.load().catch(() => {});
          wasLive = status === 'live';
        }),
      );
      live.start();
    }
    await this.load();
  }

  private async load(): Promise<void> {
    const cases = await api.cases();
    this.loaded = true;
    // a reload replaces the list: cases that left it meanwhile disappear
    const accepted = cases.filter(this.accept);
    const ids = new Set(accepted.map((c) => c.id));
    for (const id of [...this.byId.keys()]) if (!ids.has(id)) this.byId.delete(id);
    this.upsert(accepted, false);
  }

  /** Re-reads the list from the server (e.g. after a refused command). */
  reload(): Promise<void> {
    return this.load();
  }

  /** Takes a case out of the list and tells the listeners. */
  remove(id: string): void {
    if (!this.byId.delete(id)) return;
    this.notify(new Set());
  }

  stop(): void {
    this.unsubscribers.splice(0).forEach((u) => u());
    this.listeners.clear();
  }

  onChange(listener: FeedListener): void {
    this.listeners.add(listener);
  }

  /** Adds cases (e.g. the one the doctor just created) and tells the listeners. */
  upsert(cases: readonly Case[], fresh: boolean): void {
    const freshIds = new Set<string>();
    for (const c of cases) {
      if (fresh && !this.byId.has(c.id)) freshIds.add(c.id);
      this.byId.set(c.id, c);
    }
    this.notify(freshIds);
  }

  private notify(freshIds: ReadonlySet<string>): void {
    const sorted = [...this.byId.values()].sort(newestFirst);
    for (const listener of this.listeners) listener(sorted, freshIds);
  }
}

function newestFirst(a: Case, b: Case): number {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return tb - ta;
  return b.createdAt.localeCompare(a.createdAt);
}
