import { describe, expect, it } from 'vitest';
import { isCaseEvent, isReportEvent, LiveChannel, type LiveMessage } from './live';

const feed = (channel: LiveChannel, message: unknown) =>
  (channel as unknown as { handle(data: string): void }).handle(JSON.stringify(message));

describe('LiveChannel', () => {
  it('passes case, chat and stage II report events to its listeners; drops duplicates and unknown types', () => {
    const channel = new LiveChannel('ws://localhost/ws/channel');
    const got: LiveMessage[] = [];
    channel.onMessage((m) => got.push(m));
    feed(channel, { type: 'report.changed', sequence: 1, case: { reportId: 'r1', caseId: 'c1', command: 'BREACH', state: 'WAITING' } });
    feed(channel, { type: 'report.changed', sequence: 1, case: { reportId: 'r1', caseId: 'c1', command: 'BREACH', state: 'WAITING' } });
    feed(channel, { type: 'something.else', sequence: 2 });
    feed(channel, { type: 'case.claim', sequence: 3, case: { id: 'c1' } });
    expect(got.map((m) => m.type)).toEqual(['report.changed', 'case.claim']);
    expect(isReportEvent(got[0]) && got[0].case.command).toBe('BREACH');
    expect(isCaseEvent(got[0])).toBe(false);
    expect(isCaseEvent(got[1])).toBe(true);
  });
});
