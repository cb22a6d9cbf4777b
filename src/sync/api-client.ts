import type { Session, SignInBody } from '../contract/auth';
import { authErrorCodes } from '../contract/error-codes';
import { ApiError, apiErrorFrom, clientErrorCodes } from './api-error';
import { getDeviceId } from './device-id';
import { clearSession, getSession, markSessionNeedsPin, setSession } from './session-store';

export { ApiError, isApiError } from './api-error';

// Literals, not the contract's constants: importing those would pull zod into the bundle.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Public endpoints (store list, sign-in) go without a token. */
  auth?: boolean;
}

/** Refresh a little before expiry, so a request never leaves with a token about to die. */
const REFRESH_MARGIN_MS = 10_000;

async function send(method: Method, path: string, options: RequestOptions, token?: string) {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Device-Id': getDeviceId() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    // A cancelled query must stay an AbortError so TanStack Query can recognise it.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, clientErrorCodes.offline, 'The network request failed');
  }
}

async function parseBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

let refreshing: Promise<boolean> | null = null;

/** Single-flight: every request that finds the token expired waits on the same refresh. */
function refreshOnce(): Promise<boolean> {
  refreshing ??= refreshSession().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refreshSession(): Promise<boolean> {
  const session = getSession();
  if (!session) return false;
  try {
    const response = await send('POST', '/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    if (!response.ok) {
      // A network blip changes nothing. A refused refresh token asks for the PIN, but keeps the
      // session: signing out here would strand the associate's unsynced work mid-shift.
      if (response.status === 401 || response.status === 403) markSessionNeedsPin();
      return false;
    }
    setSession(await parseBody<Session>(response));
    return true;
  } catch {
    return false;
  }
}

function expiresSoon(session: Session): boolean {
  const expiresAt = Date.parse(session.accessTokenExpiresAt);
  return Number.isFinite(expiresAt) && expiresAt - Date.now() < REFRESH_MARGIN_MS;
}

/**
 * A signed-in request, refreshing the token once if needed. Answers the ok Response; throws
 * ApiError with a stable code on any failure.
 */
export async function authorizedFetch(method: Method, path: string, options: RequestOptions = {}) {
  let session = getSession();
  if (session && expiresSoon(session)) {
    await refreshOnce();
    session = getSession();
  }
  if (!session) throw new ApiError(401, authErrorCodes.missingToken, 'Not signed in');

  let response = await send(method, path, options, session.accessToken);
  if (response.status === 401) {
    let error = await apiErrorFrom(response);
    if (error.code === authErrorCodes.tokenExpired) {
      // Another request may have refreshed already; then only the retry is needed.
      const latest = getSession();
      const fresh = latest && latest.accessToken !== session.accessToken ? true : await refreshOnce();
      const retrySession = getSession();
      if (fresh && retrySession) {
        response = await send(method, path, options, retrySession.accessToken);
        if (response.ok) return response;
        error = await apiErrorFrom(response);
      }
    }
    // Wrong credentials in the body (a manager's PIN typed to approve a return) say nothing about
    // this session's token: the associate stays signed in.
    if (error.status === 401 && error.code !== authErrorCodes.badCredentials) markSessionNeedsPin();
    throw error;
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response;
}

/** The one place the browser calls the API. Throws ApiError with a stable code on any failure. */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  if (options.auth === false) {
    const response = await send(method, path, options);
    if (!response.ok) throw await apiErrorFrom(response);
    return parseBody<T>(response);
  }
  return parseBody<T>(await authorizedFetch(method, path, options));
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => apiRequest<T>('GET', path, { signal });

export const apiPost = <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, { body });

export type SignInInput = Omit<SignInBody, 'deviceId'>;

/** Signs in and keeps the session; the device id is added here so screens never handle it. */
export async function signIn(input: SignInInput): Promise<Session> {
  const session = await apiRequest<Session>('POST', '/api/auth/sign-in', {
    auth: false,
    body: { ...input, deviceId: getDeviceId() } satisfies SignInBody,
  });
  setSession(session);
  return session;
}

/** Revokes the refresh token when the server is reachable; the local session goes either way. */
export async function signOut(): Promise<void> {
  const session = getSession();
  clearSession();
  if (!session) return;
  try {
    // The access token goes along in case the server wants to know who signs out.
    await send(
      'POST',
      '/api/auth/sign-out',
      { body: { refreshToken: session.refreshToken } },
      session.accessToken,
    );
  } catch {
    // Offline or already revoked: the token expires on its own.
  }
}
