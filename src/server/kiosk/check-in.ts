import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CheckInBody, CheckInResult } from '../../contract/kiosk';
import { kioskErrorCodes, type CheckInOutcome } from '../../contract/kiosk-codes';
import { checkPickup } from '../../domain/check-pickup';
import { parsePickupInput, sameCode } from '../../domain/pickup-pass';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import { parseSignedPass, SIGNED_PASS_PREFIX } from '../../domain/signed-pickup-pass';
import type { Db } from '../db/client';
import { orders, pickupArrivals, pickupRatings } from '../db/schema';
import { HttpError } from '../http-error';
import type { OrderRow } from '../core/order-rows';
import { runOrderActions } from '../core/run-order-actions';
import { nextStoreVersion } from '../core/store-version';
import type { KioskPrincipal } from './kiosk-auth';
import { kioskActor } from './kiosk-auth';
import { kioskOrderView } from './kiosk-views';
import type { Limiter } from '../rate-limit/limiter';
import type { Limits } from '../rate-limit/limits';

export { CHECK_IN_LIMITS } from '../rate-limit/limits';

export interface CheckInOptions {
  verifyPass: PassSignatureVerifier;
  limits: Limits;
  /** The clock of the rate limit windows and the arrival; tests move it. */
  now?: Date;
}

/** What the customer presented: an order number (when it can be read) and what proves it. */
interface Claim {
  orderNumber: string | null;
  /** What checkPickup compares: the typed code, or the whole pass text. */
  proof: string;
  signedPass: boolean;
}

function claimOf(body: CheckInBody): Claim {
  if ('orderNumber' in body)
    return { orderNumber: body.orderNumber, proof: body.pickupCode, signedPass: false };
  const text = body.pass.trim();
  try {
    if (text.startsWith(SIGNED_PASS_PREFIX)) {
      return { orderNumber: parseSignedPass(text).orderNumber, proof: text, signedPass: true };
    }
    const input = parsePickupInput(text);
    if (input.kind === 'pass') return { orderNumber: input.orderNumber, proof: text, signedPass: false };
  } catch {
    // Not a pass Aisle can read: a failure like a wrong code.
  }
  return { orderNumber: null, proof: text, signedPass: false };
}

/** What wrong typed codes count against: the kiosk, and the order number at this store. */
function countersOf(limits: Limits, kiosk: KioskPrincipal, orderNumber: string | null) {
  const counters: { limiter: Limiter; key: string }[] = [{ limiter: limits.kioskDevice, key: kiosk.kioskId }];
  if (orderNumber) {
    counters.push({ limiter: limits.kioskOrder, key: `${kiosk.storeId}:${orderNumber.toUpperCase()}` });
  }
  return counters;
}

/** The store's orders with that number whose code or pass the claim matches (usually 0 or 1). */
async function matchingOrder(
  db: Db,
  storeId: string,
  claim: Claim,
  verifyPass: PassSignatureVerifier,
): Promise<string | null> {
  if (!claim.orderNumber) return null;
  const candidates = await db
    .select({ id: orders.id, number: orders.number, storeId: orders.storeId, pickupCode: orders.pickupCode })
    .from(orders)
    .where(
      and(eq(orders.storeId, storeId), sql`upper(${orders.number}) = ${claim.orderNumber.toUpperCase()}`),
    );
  // An unknown number costs the same comparison, so timing does not tell it from a wrong code.
  if (candidates.length === 0) sameCode(claim.proof.padStart(6, '0').slice(-6), '000000');
  for (const order of candidates) {
    try {
      await checkPickup(
        claim.proof,
        { number: order.number, storeCode: order.storeId, pickupCode: order.pickupCode },
        verifyPass,
      );
      return order.id;
    } catch {
      // Try the next order of that number, if any.
    }
  }
  return null;
}

/** A genuine signed pass of another store deserves words that say so, not "wrong code". */
async function isGenuinePassOfAnotherStore(claim: Claim, storeId: string, verifyPass: PassSignatureVerifier) {
  if (!claim.signedPass) return false;
  try {
    const pass = parseSignedPass(claim.proof);
    return pass.storeCode !== storeId && (await verifyPass(pass.signingInput, pass.signature, pass.keyId));
  } catch {
    return false;
  }
}

function outcomeOf(order: OrderRow): CheckInOutcome {
  if (order.fulfillmentType === 'ship_from_store') return 'unavailable';
  switch (order.status) {
    case 'ready':
      return 'arrived';
    case 'new':
    case 'picking':
    case 'picked':
      return 'notReady';
    case 'collected':
      return 'collected';
    default:
      return 'unavailable';
  }
}

/**
 * A customer checks in at the counter kiosk. Only someone who holds the order's code or pass
 * learns anything about it. Wrong typed codes are counted per kiosk and per order number;
 * past the limit typed codes wait (429 kiosk.tooManyTries), and the kiosk asks for the QR on
 * the pickup pass or sends the customer to the counter. A signed pass cannot be guessed, so
 * it is never held back: no outsider's guesses can keep the real customer from checking in.
 * A ready order gets an arrival (kind counter), stamped with the store's next change number so
 * its devices are poked and alert.
 */
export async function checkIn(
  db: Db,
  kiosk: KioskPrincipal,
  body: CheckInBody,
  { verifyPass, limits, now = new Date() }: CheckInOptions,
): Promise<CheckInResult> {
  const claim = claimOf(body);
  const counters = claim.signedPass
    ? [{ limiter: limits.kioskDevice, key: kiosk.kioskId }]
    : countersOf(limits, kiosk, claim.orderNumber);
  if (!claim.signedPass) {
    for (const counter of counters) {
      const verdict = await counter.limiter.peek(counter.key, now);
      if (verdict.exceeded) {
        throw new HttpError(
          429,
          kioskErrorCodes.tooManyTries,
          'Too many wrong codes: scan the QR code on the pickup pass, or ask at the counter',
          { retryAfterSeconds: verdict.retryAfterSeconds, useQrPass: true },
        );
      }
    }
  }
  const orderId = await matchingOrder(db, kiosk.storeId, claim, verifyPass);
  if (!orderId) {
    if (await isGenuinePassOfAnotherStore(claim, kiosk.storeId, verifyPass)) {
      throw new HttpError(422, kioskErrorCodes.wrongStore, 'This pickup pass is for another store');
    }
    for (const counter of counters) await counter.limiter.hit(counter.key, now);
    throw new HttpError(422, kioskErrorCodes.checkInFailed, 'The order number or the code is not right');
  }
  return db.transaction(async (tx) => {
    const actor = kioskActor(kiosk);
    const { order, outcome } = await runOrderActions(tx, actor, async ({ work }) => {
      const current = await work.order(orderId);
      const found = outcomeOf(current);
      if (found !== 'arrived') return { order: current, outcome: found };
      const [open] = await tx
        .select({ id: pickupArrivals.id })
        .from(pickupArrivals)
        .where(
          and(
            eq(pickupArrivals.orderId, orderId),
            eq(pickupArrivals.kind, 'counter'),
            isNull(pickupArrivals.acknowledgedAt),
            isNull(pickupArrivals.handedOverAt),
          ),
        );
      // Checking in twice while nobody has come yet alerts once.
      if (open) return { order: current, outcome: found };
      const updated = work.updateOrder(current, { arrivedAt: now.toISOString() });
      work.audit(actor, {
        action: 'order.customerArrived',
        entityType: 'order',
        entityId: orderId,
        details: { kind: 'counter', kioskId: kiosk.kioskId, kiosk: kiosk.name },
      });
      return { order: updated, outcome: 'new-arrival' as const };
    });
    if (outcome === 'new-arrival') {
      await tx.insert(pickupArrivals).values({
        orderId,
        storeId: kiosk.storeId,
        kind: 'counter',
        kioskId: kiosk.kioskId,
        arrivedAt: now.toISOString(),
        syncVersion: await nextStoreVersion(tx, kiosk.storeId),
      });
    }
    const [rating] = await tx
      .select({ orderId: pickupRatings.orderId })
      .from(pickupRatings)
      .where(eq(pickupRatings.orderId, orderId));
    return {
      outcome: outcome === 'new-arrival' ? 'arrived' : outcome,
      order: kioskOrderView(order, rating !== undefined),
    };
  });
}
