import type { CustomerArrival } from '../../contract/customer-arrivals';
import { enqueueCommand, type Actor } from '../../local-db/enqueue';

/** "I'm on it": queued in the outbox like every associate action, so it works offline too. */
export function acknowledgeArrival(actor: Actor, arrival: CustomerArrival) {
  return enqueueCommand({
    name: 'arrival.acknowledge',
    args: { orderId: arrival.orderId, arrivalId: arrival.id },
    actor,
  });
}
