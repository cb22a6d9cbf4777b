import { describe, expect, it } from 'vitest';
import { approvalKey, signApproval, verifyApproval } from './return-approval-token';

const claims = {
  managerId: '0b6f3c1e-8a51-4c0e-9a43-5f1d2f7b9e10',
  storeId: 'MI01',
  returnId: '7f3a21c4-0d1e-4b7a-9c55-2e8f6a1b3c4d',
  reason: 'Goodwill',
};

describe('return approvals', () => {
  const key = approvalKey('a-signing-secret-that-is-long-enough-0123456789');

  it('verifies what it signed, for 30 days', async () => {
    const { token, expiresAt } = await signApproval(key, claims, new Date('2026-03-01T00:00:00Z'));
    expect(expiresAt.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    const fresh = await signApproval(key, claims);
    expect(await verifyApproval([key], fresh.token)).toEqual({ ok: true, claims });
    expect(await verifyApproval([key], token)).toEqual({ ok: false, why: 'expired' });
  });

  it('refuses another key, garbage, and a key derived for access tokens', async () => {
    const { token } = await signApproval(key, claims);
    const other = approvalKey('another-secret-that-is-long-enough-0123456789');
    expect(await verifyApproval([other], token)).toEqual({ ok: false, why: 'badSignature' });
    expect(await verifyApproval([other, key], token)).toEqual({ ok: true, claims });
    expect(await verifyApproval([key], 'not.a.token')).toEqual({ ok: false, why: 'malformed' });
    expect(await verifyApproval([], token)).toMatchObject({ ok: false });
    const raw = new TextEncoder().encode('a-signing-secret-that-is-long-enough-0123456789');
    expect(await verifyApproval([raw], token)).toEqual({ ok: false, why: 'badSignature' });
  });
});
