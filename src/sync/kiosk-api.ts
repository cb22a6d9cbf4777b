import type {
  BoardResponse,
  CheckInBody,
  CheckInResult,
  EnrolledKiosk,
  EnrollmentCode,
  EnrollmentCodeStatus,
  KioskDevice,
  KioskEnrolled,
  KioskList,
  KioskOrderView,
  KioskSelf,
  RatingBody,
} from '../contract/kiosk';
import { apiRequest } from './api-client';
import { ApiError, apiErrorFrom, clientErrorCodes } from './api-error';

/**
 * The counter kiosk and the board: an enrolled device sends its kiosk secret, never an
 * associate's token. The secret stays in this browser's storage; a manager can revoke it.
 */

const SECRET_KEY = 'aisle.kioskSecret';

export function readKioskSecret(): string | null {
  try {
    return localStorage.getItem(SECRET_KEY);
  } catch {
    return null;
  }
}

export function saveKioskSecret(secret: string): void {
  localStorage.setItem(SECRET_KEY, secret.trim());
}

export function forgetKioskSecret(): void {
  try {
    localStorage.removeItem(SECRET_KEY);
  } catch {
    // Nothing kept.
  }
}

async function kioskRequest<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal) {
  const secret = readKioskSecret();
  if (!secret) throw new ApiError(401, 'kiosk.notEnrolled', 'This device is not an enrolled kiosk');
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Kiosk ${secret}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, clientErrorCodes.offline, 'The network request failed');
  }
  if (!response.ok) throw await apiErrorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const fetchKioskSelf = (signal?: AbortSignal) =>
  kioskRequest<KioskSelf>('GET', '/api/kiosk/me', undefined, signal);

export const kioskCheckIn = (body: CheckInBody) =>
  kioskRequest<CheckInResult>('POST', '/api/kiosk/check-in', body);

export const fetchKioskOrder = (orderId: string, signal?: AbortSignal) =>
  kioskRequest<KioskOrderView>('GET', `/api/kiosk/orders/${encodeURIComponent(orderId)}`, undefined, signal);

export const ratePickup = (body: RatingBody) => kioskRequest<void>('POST', '/api/kiosk/rating', body);

export const fetchBoard = (signal?: AbortSignal) =>
  kioskRequest<BoardResponse>('GET', '/api/kiosk/board', undefined, signal);

/** The device scanned a manager's enrollment QR: it becomes a kiosk and keeps the secret. */
export async function enrollWithCode(code: string): Promise<KioskEnrolled> {
  const enrolled = await apiRequest<KioskEnrolled>('POST', '/api/kiosk/enroll', {
    body: { code },
    auth: false,
  });
  saveKioskSecret(enrolled.secret);
  return enrolled;
}

// A manager's side, with their session.

export const listKiosks = () => apiRequest<KioskList>('GET', '/api/kiosks');

export const enrollKiosk = (name: string) =>
  apiRequest<EnrolledKiosk>('POST', '/api/kiosks', { body: { name } });

export const issueEnrollmentCode = (name: string) =>
  apiRequest<EnrollmentCode>('POST', '/api/kiosks/enrollment-codes', { body: { name } });

export const fetchEnrollmentCodeStatus = (codeId: string, signal?: AbortSignal) =>
  apiRequest<EnrollmentCodeStatus>('GET', `/api/kiosks/enrollment-codes/${encodeURIComponent(codeId)}`, {
    signal,
  });

export const revokeKiosk = (kioskId: string) =>
  apiRequest<KioskDevice>('DELETE', `/api/kiosks/${encodeURIComponent(kioskId)}`);
