import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { BoardResponse, KioskOrderView, RatingBody } from '../../contract/kiosk';
import { orderErrorCodes } from '../../contract/error-codes';
import { kioskErrorCodes } from '../../contract/kiosk-codes';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/client';
import { orders, pickupRatings } from '../db/schema';
import { HttpError } from '../http-error';
import type { KioskPrincipal } from './kiosk-auth';
import { kioskActor } from './kiosk-auth';
import { boardLabel, kioskOrderView } from './kiosk-views';

/** The board pages through long lists (board-paging.ts); this only bounds the answer. */
const BOARD_ROWS = 200;

function notFound(): never {
  throw new HttpError(404, orderErrorCodes.notFound, 'No such order in this store');
}

/** The order a kiosk checked in, by its id (unguessable), as a public screen may show it. */
export async function kioskOrder(db: Db, kiosk: KioskPrincipal, orderId: string): Promise<KioskOrderView> {
  const [row] = await db
    .select({
      id: orders.id,
      number: orders.number,
      customerName: orders.customerName,
      status: orders.status,
      ratedAt: pickupRatings.ratedAt,
    })
    .from(orders)
    .leftJoin(pickupRatings, eq(pickupRatings.orderId, orders.id))
    .where(and(eq(orders.id, orderId), eq(orders.storeId, kiosk.storeId)));
  if (!row) notFound();
  return kioskOrderView(row, row.ratedAt !== null);
}

/** The customer rates the pickup, once per order, after the handover. */
export async function rateOrder(db: Db, kiosk: KioskPrincipal, body: RatingBody): Promise<void> {
  await db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(and(eq(orders.id, body.orderId), eq(orders.storeId, kiosk.storeId)));
    if (!order) notFound();
    if (order.status !== 'collected') {
      throw new HttpError(409, kioskErrorCodes.notCollected, 'Rate the pickup once the order is collected', {
        status: order.status,
      });
    }
    const inserted = await tx
      .insert(pickupRatings)
      .values({
        orderId: order.id,
        storeId: kiosk.storeId,
        rating: body.rating,
        comment: body.comment ? body.comment : null,
        source: 'counter',
      })
      .onConflictDoNothing()
      .returning({ orderId: pickupRatings.orderId });
    if (inserted.length === 0) {
      throw new HttpError(409, kioskErrorCodes.alreadyRated, 'This pickup has already been rated');
    }
    await recordAudit(tx, kioskActor(kiosk), {
      action: 'order.rated',
      entityType: 'order',
      entityId: order.id,
      details: { rating: body.rating, kioskId: kiosk.kioskId },
    });
  });
}

/** A key a screen can use for a row without learning the order's id. */
function boardKey(orderId: string): string {
  return createHash('sha256').update(`board:${orderId}`).digest('base64url').slice(0, 12);
}

/** The board: orders being prepared and ready to collect, with privacy-safe labels only. */
export async function loadBoard(db: Db, storeId: string): Promise<BoardResponse> {
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      customerName: orders.customerName,
      status: orders.status,
    })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, storeId),
        ne(orders.fulfillmentType, 'ship_from_store'),
        inArray(orders.status, ['new', 'picking', 'picked', 'ready']),
      ),
    )
    .orderBy(asc(orders.promisedAt));
  const entry = (row: (typeof rows)[number]) => ({
    key: boardKey(row.id),
    label: boardLabel(row.number, row.customerName),
  });
  return {
    preparing: rows
      .filter((row) => row.status !== 'ready')
      .slice(0, BOARD_ROWS)
      .map(entry),
    ready: rows
      .filter((row) => row.status === 'ready')
      .slice(0, BOARD_ROWS)
      .map(entry),
    serverTime: new Date().toISOString(),
  };
}
