import { describe, expect, it } from 'vitest';
import { countdown } from './reporting-api';

describe('countdown to the reporting time limit', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it('counts down hours, minutes and seconds', () => {
    expect(countdown('2026-11-23T11:02:03Z', now)).toBe('1:02:03');
  });
  it('is negative past the due time', () => {
    expect(countdown('2026-11-23T09:55:00Z', now)).toBe('-0:05:00');
  });
  it('is zero at the due time', () => {
    expect(countdown('2026-11-23T10:00:00Z', now)).toBe('0:00:00');
  });
});
