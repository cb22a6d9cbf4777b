import type { ShipmentResponse } from '../../contract/shipping';
import { apiRequest, authorizedFetch } from '../../sync/api-client';
import { pullReplica } from '../../sync/pull';

/**
 * Books the order's label with the store's carrier: the one ship-from-store step that needs
 * the network. The server's answer lands in the replica with the next pull, taken at once.
 */
export async function createShipment(orderId: string, storeId: string): Promise<ShipmentResponse> {
  const answer = await apiRequest<ShipmentResponse>(
    'POST',
    `/api/orders/${encodeURIComponent(orderId)}/shipment`,
    { body: {} },
  );
  await pullReplica(storeId);
  return answer;
}

/** A PDF the server draws (labels, packing slip, manifest), as a blob the browser can open. */
export async function fetchPdf(path: string): Promise<Blob> {
  const response = await authorizedFetch('GET', path);
  return response.blob();
}
