import { describe, expect, it } from 'vitest';
import { policyInstant } from './return-clock';

const server = new Date('2026-03-10T12:00:00.000Z');

describe('policyInstant', () => {
  it("takes the device's time of the return, however late it synced", () => {
    expect(policyInstant('2026-03-02T09:30:00+01:00', server, '2026-02-01T10:00:00.000Z')).toBe(
      '2026-03-02T08:30:00.000Z',
    );
  });

  it('allows a device clock a few minutes ahead, not more', () => {
    expect(policyInstant('2026-03-10T12:04:00.000Z', server, null)).toBe('2026-03-10T12:04:00.000Z');
    expect(policyInstant('2026-03-10T12:06:00.000Z', server, null)).toBe(server.toISOString());
  });

  it('does not believe a time older than the longest offline wait, or before the goods were received', () => {
    expect(policyInstant('2026-01-01T00:00:00.000Z', server, null)).toBe(server.toISOString());
    expect(policyInstant('2026-03-01T00:00:00.000Z', server, '2026-03-05T00:00:00.000Z')).toBe(
      server.toISOString(),
    );
  });
});
