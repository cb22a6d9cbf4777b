import { ledgerAdapter } from './ledger-adapter';
import type { PaymentAdapter } from '../../core/payment-adapter';

/** Every payment adapter this server can use, by the id PAYMENT_ADAPTER names. */
const adapters: Readonly<Record<string, PaymentAdapter>> = {
  [ledgerAdapter.id]: ledgerAdapter,
};

export const paymentAdapterIds = Object.keys(adapters);

/** The adapter PAYMENT_ADAPTER names (ledger when unset); an unknown name stops the start-up. */
export function paymentAdapterNamed(name: string | undefined): PaymentAdapter {
  const id = name?.trim() || ledgerAdapter.id;
  const adapter = adapters[id];
  if (!adapter) {
    throw new Error(
      `PAYMENT_ADAPTER: unknown payment adapter "${id}" (known: ${paymentAdapterIds.join(', ')})`,
    );
  }
  return adapter;
}
