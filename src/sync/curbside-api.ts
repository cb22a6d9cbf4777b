import type { CurbsideArrivalBody, CurbsideView } from '../contract/curbside';
import { ApiError, clientErrorCodes } from './api-error';

/**
 * The customers' pages (curbside, substitution) talk to their public endpoints: no session, no
 * device id, the link's token is the only credential.
 */
export async function callPublic<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError(0, clientErrorCodes.offline, 'No connection');
  }
  const body = (await response.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      typeof body?.code === 'string' ? body.code : clientErrorCodes.unexpected,
      typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`,
    );
  }
  return body as unknown as T;
}

const call = (path: string, init?: RequestInit) => callPublic<CurbsideView>(path, init);

export const readCurbside = (token: string) => call(`/api/curbside/${encodeURIComponent(token)}`);

export const sayArrived = (token: string, body: CurbsideArrivalBody) =>
  call(`/api/curbside/${encodeURIComponent(token)}/arrived`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
