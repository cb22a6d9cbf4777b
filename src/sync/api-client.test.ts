import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../contract/auth';
import { apiGet, ApiError } from './api-client';
import { clearSession, getSession, sessionNeedsPin, setSession } from './session-store';

function session(token: string): Session {
  return {
    accessToken: token,
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: `refresh-${token}-0123456789`,
    refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    associate: {
      id: 'a1',
      employeeId: '1001',
      name: 'Tommaso',
      role: 'associate',
      storeId: 'MI01',
      storeName: 'Milano',
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('apiRequest', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setSession(session('old'));
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    clearSession();
  });

  it('sends the token and the device id', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));
    await apiGet('/api/queue');
    const headers = fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer old');
    expect(headers['X-Device-Id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refreshes once for many expired calls, then retries each', async () => {
    let refreshes = 0;
    fetchMock.mockImplementation(async (input, init) => {
      const auth = (init?.headers as Record<string, string>).Authorization;
      if (input === '/api/auth/refresh') {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return json(200, session('new'));
      }
      if (auth === 'Bearer old') return json(401, { code: 'auth.tokenExpired', message: 'expired' });
      return json(200, { path: input });
    });
    const results = await Promise.all([
      apiGet('/api/queue'),
      apiGet('/api/orders/1'),
      apiGet('/api/orders/2'),
    ]);
    expect(refreshes).toBe(1);
    expect(results).toEqual([{ path: '/api/queue' }, { path: '/api/orders/1' }, { path: '/api/orders/2' }]);
    expect(getSession()?.accessToken).toBe('new');
  });

  it('keeps the session but asks for the PIN when the refresh is refused', async () => {
    fetchMock.mockImplementation(async (input) =>
      input === '/api/auth/refresh'
        ? json(401, { code: 'auth.refreshInvalid', message: 'no' })
        : json(401, { code: 'auth.tokenExpired', message: 'expired' }),
    );
    await expect(apiGet('/api/queue')).rejects.toMatchObject({ status: 401, code: 'auth.tokenExpired' });
    expect(getSession()?.accessToken).toBe('old');
    expect(sessionNeedsPin()).toBe(true);
    setSession(session('new'));
    expect(sessionNeedsPin()).toBe(false);
  });

  it('keeps the session when a 401 is about credentials in the body (a manager’s PIN), not the token', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { code: 'auth.badCredentials', message: 'wrong PIN' }));
    await expect(apiGet('/api/returns/approvals')).rejects.toMatchObject({
      status: 401,
      code: 'auth.badCredentials',
    });
    expect(sessionNeedsPin()).toBe(false);
    fetchMock.mockResolvedValueOnce(json(401, { code: 'auth.invalidToken', message: 'no' }));
    await expect(apiGet('/api/queue')).rejects.toMatchObject({ status: 401 });
    expect(sessionNeedsPin()).toBe(true);
  });

  it('turns a failed network call into network.offline, and error bodies into ApiError', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiGet('/api/queue')).rejects.toMatchObject({ status: 0, code: 'network.offline' });
    fetchMock.mockResolvedValueOnce(
      json(422, { code: 'scan.wrongItem', message: 'no', details: { code: '123' } }),
    );
    const error = await apiGet('/api/queue').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'scan.wrongItem', details: { code: '123' } });
  });
});
