import { describe, expect, it } from 'vitest';
import { type ReportView, sameReport } from './reporting-api';

function view(changes: Partial<ReportView> = {}, item: Partial<ReportView['item']> = {}): ReportView {
  return {
    item: { state: 'IN_REPORTING', holderUserId: 'expert-1', ...item } as ReportView['item'],
    daysSinceOnset: 6,
    pcr: 'PENDING',
    draft: { groundGlass: false, ctClass: null } as unknown as ReportView['draft'],
    versions: [],
    history: [{ at: '2026-12-07T11:00:00Z', actorName: 'Dr. A', action: 'CLAIM', state: 'IN_REPORTING', detail: null }],
    allowedCommands: ['SAVE_DRAFT', 'SIGN', 'RELEASE'],
    deliveredAt: null,
    ...changes,
  };
}

describe('a report view that shows nothing new is not rendered again', () => {
  it('the claim answer and the live reload of the same claim are the same report', () => {
    expect(sameReport(view(), view())).toBe(true);
  });
  it('a saved draft, another holder, another state or a new history entry are news', () => {
    expect(sameReport(view(), view({ draft: { groundGlass: true, ctClass: null } as unknown as ReportView['draft'] }))).toBe(false);
    expect(sameReport(view(), view({}, { holderUserId: 'expert-2' }))).toBe(false);
    expect(sameReport(view(), view({}, { state: 'AWAITING_SECOND_READ' }))).toBe(false);
    expect(sameReport(view(), view({ history: [...view().history, view().history[0]] }))).toBe(false);
    expect(sameReport(view(), view({ allowedCommands: ['CLAIM'] }))).toBe(false);
  });
});
