import type {
  ReturnableOrder,
  ReturnSubmitArgs,
  ReturnApproval,
  ReturnDetail,
  ReturnSettings,
  ReturnSummary,
} from '../contract/returns';
import { keepReturnOutcome } from '../local-db/local-returns';
import { getMeta, setMeta } from '../local-db/meta';
import {
  keepReturnOrders,
  keepReturnSettings,
  readReturnOrder,
  readReturnSettings,
  searchReturnOrdersOnDevice,
  type CachedReturnOrder,
} from '../local-db/return-orders';
import { apiGet, apiRequest, authorizedFetch, isApiError } from './api-client';
import { setReachable } from './connectivity';

type Language = ReturnSubmitArgs['receipt']['language'];

/**
 * The return counter's reads and the few calls that need the server (a manager's approval, a
 * decision, the receipt). Every order the server sends is kept on the device, and when the
 * network fails the counter finds orders among those, with the time each arrived (ADR 0018).
 */

export interface OrdersAnswer {
  orders: CachedReturnOrder[];
  /** Read from the device because the server could not be reached. */
  fromDevice: boolean;
}

export interface OrderAnswer extends CachedReturnOrder {
  fromDevice: boolean;
}

export interface SettingsAnswer {
  value: ReturnSettings;
  savedAt: number;
  fromDevice: boolean;
}

/** The network or the server is down: the device's copy is the best answer there is. */
export function unreachable(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

function noteReachability(error: unknown): void {
  if (isApiError(error)) setReachable(error.status !== 0);
}

/** Runs a server read, and on a network failure the device read instead (or the error if it has none). */
async function serverOrDevice<T>(server: () => Promise<T>, device: () => Promise<T | null>): Promise<T> {
  try {
    const value = await server();
    setReachable(true);
    return value;
  } catch (error) {
    noteReachability(error);
    if (!unreachable(error)) throw error;
    const saved = await device();
    if (saved === null) throw error;
    return saved;
  }
}

/** GET /api/returns/orders?q=: any store's orders by number, e-mail, phone, pass or id. */
export function findReturnOrders(
  storeId: string,
  query: string,
  signal?: AbortSignal,
): Promise<OrdersAnswer> {
  const q = query.trim();
  return serverOrDevice<OrdersAnswer>(
    async () => {
      const answer = await apiGet<{ orders: ReturnableOrder[] }>(
        `/api/returns/orders?q=${encodeURIComponent(q)}`,
        signal,
      );
      const savedAt = Date.now();
      await keepReturnOrders(answer.orders, storeId, savedAt).catch(() => undefined);
      return { orders: answer.orders.map((order) => ({ order, savedAt })), fromDevice: false };
    },
    async () => ({ orders: await searchReturnOrdersOnDevice(q, storeId), fromDevice: true }),
  );
}

/** GET /api/returns/orders/:id, kept for offline; offline, the copy this device kept. */
export function loadReturnOrder(
  storeId: string,
  orderId: string,
  signal?: AbortSignal,
): Promise<OrderAnswer> {
  return serverOrDevice<OrderAnswer>(
    async () => {
      const order = await apiGet<ReturnableOrder>(
        `/api/returns/orders/${encodeURIComponent(orderId)}`,
        signal,
      );
      const savedAt = Date.now();
      await keepReturnOrders([order], storeId, savedAt).catch(() => undefined);
      return { order, savedAt, fromDevice: false };
    },
    async () => {
      const saved = await readReturnOrder(orderId, storeId);
      return saved ? { ...saved, fromDevice: true } : null;
    },
  );
}

/** GET /api/returns/settings: the policy the counter checks with, kept for offline. */
export function loadReturnSettings(signal?: AbortSignal): Promise<SettingsAnswer> {
  return serverOrDevice<SettingsAnswer>(
    async () => {
      const value = await apiGet<ReturnSettings>('/api/returns/settings', signal);
      const savedAt = Date.now();
      await keepReturnSettings(value, savedAt).catch(() => undefined);
      return { value, savedAt, fromDevice: false };
    },
    async () => {
      const saved = await readReturnSettings();
      return saved ? { ...saved, fromDevice: true } : null;
    },
  );
}

/** Refreshes at most this often on its own (the counter's own searches keep orders fresher). */
const REFRESH_EVERY_MS = 10 * 60_000;

/**
 * Keeps this store's recently delivered orders and the policy on the device, so a customer
 * can bring something back while the network is down. Quiet on failure: it is a cache.
 */
export async function refreshReturnCache(storeId: string, force = false): Promise<void> {
  const last = (await getMeta('returnOrdersRefreshedAt')) ?? 0;
  if (!force && Date.now() - last < REFRESH_EVERY_MS) return;
  try {
    const [recent] = await Promise.all([
      apiGet<{ orders: ReturnableOrder[] }>('/api/returns/recent-orders'),
      loadReturnSettings(),
    ]);
    await keepReturnOrders(recent.orders, storeId);
    await setMeta('returnOrdersRefreshedAt', Date.now());
  } catch (error) {
    noteReachability(error);
  }
}

export type ReturnListStatus = 'review' | 'refunded' | 'declined' | 'all';

export function listReturns(
  status: ReturnListStatus,
  signal?: AbortSignal,
): Promise<{ returns: ReturnSummary[] }> {
  return apiGet(`/api/returns?status=${status}`, signal);
}

/** GET /api/returns/:id; the device keeps the server's word on its own returns. */
export async function getReturn(returnId: string, signal?: AbortSignal): Promise<ReturnDetail> {
  const detail = await apiGet<ReturnDetail>(`/api/returns/${encodeURIComponent(returnId)}`, signal);
  await keepReturnOutcome(returnId, {
    status: detail.status,
    number: detail.number,
    refundCents: detail.refundCents,
    shippingRefundCents: detail.shippingRefundCents,
    violations: detail.violations,
    at: Date.now(),
  }).catch(() => undefined);
  return detail;
}

export interface ApprovalRequest {
  returnId: string;
  employeeId: string;
  pin: string;
  reason: string;
}

/** A manager's PIN on this device sets the policy aside for this return only (needs the network). */
export function requestReturnApproval(body: ApprovalRequest): Promise<ReturnApproval> {
  return apiRequest<ReturnApproval>('POST', '/api/returns/approvals', { body });
}

export interface DecisionAnswer {
  id: string;
  status: ReturnSummary['status'];
}

/** A signed-in manager approves (refunds) or declines a return waiting in review. */
export function decideReturn(
  returnId: string,
  decision: 'approve' | 'decline',
  reason: string,
): Promise<DecisionAnswer> {
  return apiRequest<DecisionAnswer>('POST', `/api/returns/${encodeURIComponent(returnId)}/${decision}`, {
    body: { reason },
  });
}

export function emailReceipt(
  returnId: string,
  body: { email?: string; language?: Language },
): Promise<{ queued: true; email: string }> {
  return apiRequest('POST', `/api/returns/${encodeURIComponent(returnId)}/receipt-email`, { body });
}

export const receiptPdfPath = (returnId: string, language: Language) =>
  `/api/returns/${encodeURIComponent(returnId)}/receipt.pdf?lang=${language}`;

/** The receipt as a PDF: a plain link cannot carry the associate's token. */
export async function fetchReceiptPdf(returnId: string, language: Language): Promise<Blob> {
  const response = await authorizedFetch('GET', receiptPdfPath(returnId, language));
  return response.blob();
}
