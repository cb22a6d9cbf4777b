import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import type { Actor } from '../audit/audit';
import type { Executor } from '../db/client';
import { OrderWork } from './order-work';

/**
 * Server work on orders that is not an associate's command (an expiry run, a manager's decline,
 * a kiosk check-in): it runs in the caller's transaction through the same unit of work the
 * commands use.
 */
export interface ActionContext {
  work: OrderWork;
  actor: Actor & { id: string; storeId: string };
  /** Checks a signed pickup pass's signature; without it a signed pass is refused. */
  verifyPass?: PassSignatureVerifier;
}

/** Runs actions in the caller's transaction and writes their effects before returning. */
export async function runOrderActions<T>(
  tx: Executor,
  actor: ActionContext['actor'],
  actions: (ctx: ActionContext) => Promise<T>,
  verifyPass?: PassSignatureVerifier,
): Promise<T> {
  const work = new OrderWork(tx, actor.storeId);
  const outcome = await actions({ work, actor, ...(verifyPass ? { verifyPass } : {}) });
  await work.flush();
  return outcome;
}
