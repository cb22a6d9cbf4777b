import type { PaymentAdapter } from '../core/payment-adapter';
import type { ReturnServices } from '../core/return-facts';
import { ledgerAdapter } from './payments/ledger-adapter';
import { verifyApproval } from './return-approval-token';
import { returnPolicyConfig } from './return-settings';

/**
 * What `return.submit` needs from the server's configuration but cannot receive through the
 * push pipeline: the key approvals are checked with and the payment adapter.
 * `configureReturns` sets them when the app is built (return-review-routes.ts). One server
 * process serves one app; tests may build several over one secret, so every key configured in
 * this process is accepted, and the last payment adapter configured is used.
 */
interface ReturnsRuntime {
  approvalKeys: readonly Uint8Array[];
  payments: PaymentAdapter;
}

const keys = new Map<string, Uint8Array>();
let payments: PaymentAdapter = ledgerAdapter;

export function configureReturns(config: { approvalKey: Uint8Array; payments: PaymentAdapter }): void {
  keys.set(Buffer.from(config.approvalKey).toString('hex'), config.approvalKey);
  payments = config.payments;
}

export function returnsRuntime(): ReturnsRuntime {
  return { approvalKeys: [...keys.values()], payments };
}

/**
 * What commands need of returns from the server (core/return-facts.ts), handed over by the
 * composition: read at each use, so the adapter and keys configured last are the ones used.
 */
export function returnServices(): ReturnServices {
  return {
    payments: () => returnsRuntime().payments,
    verifyApproval: (token) => verifyApproval(returnsRuntime().approvalKeys, token),
    policy: returnPolicyConfig,
  };
}
