import { useMutation } from '@tanstack/react-query';
import type { OrderDetail } from '../../contract/orders';
import { apiPost, authorizedFetch } from '../../sync/api-client';

export interface AssignInput {
  orderId: string;
  associateId: string | null;
}

/**
 * Assigning needs the server (it is the manager's decision, checked there): no outbox. The
 * change reaches this device's replica, and every other device's, through the store's poke.
 */
export function useAssignOrder() {
  return useMutation({
    mutationFn: ({ orderId, associateId }: AssignInput) =>
      apiPost<OrderDetail>(`/api/manager/orders/${orderId}/assign`, { associateId }),
  });
}

/** Saves text as a file the browser downloads. */
export function saveFile(content: Blob, filename: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV from the API: fetched with the session's token, which a plain link could not send. */
export async function downloadCsv(path: string, fallbackName: string): Promise<void> {
  const response = await authorizedFetch('GET', path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  saveFile(await response.blob(), filename);
}
