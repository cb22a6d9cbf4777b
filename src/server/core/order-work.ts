import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import type { StockDelta } from '../../domain/order-stock';
import type { Actor, AuditEntry } from '../audit/audit';
import { auditRow } from '../audit/audit';
import type { Executor } from '../db/client';
import {
  auditLog,
  customerNotifications,
  orderLines,
  orders,
  pickupArrivals,
  products,
  shipments,
  stagingLocations,
  stockMovements,
  webhookDeliveries,
} from '../db/schema';
import type { WebhookEventType } from '../../commands/order-tx';
import { nextStoreVersion } from './store-version';
import type { LineRow, OrderRow } from './order-rows';
import { lineRowColumns } from './order-rows';
import { writePlacements, type Placement } from './placements';
import { payRefunds, writeReturns, type RecordedRefund, type RecordedReturn } from './recorded-returns';

/** The order fields an action may change; the flush writes them from the final state. */
const mutableOrderFields = [
  'status',
  'claimedBy',
  'claimedAt',
  'pickedAt',
  'stagingLocation',
  'readyAt',
  'collectedAt',
  'cancelledAt',
  'cancelReason',
  'cancelledBy',
  'putBackAt',
  'expiredAt',
  'assignedTo',
  'assignedAt',
  'arrivedAt',
  'packedAt',
  'shippedAt',
  'packages',
  'packRevision',
  'idCheckedAt',
  'idCheckedBy',
  'idDocumentType',
  'idDocumentLast4',
] as const;

export type OrderChanges = Partial<Pick<OrderRow, (typeof mutableOrderFields)[number]>>;

interface StockMove {
  productId: string;
  orderId: string;
  reason: string;
  delta: StockDelta;
}

type AuditRow = typeof auditLog.$inferInsert;
type Notification = typeof customerNotifications.$inferInsert;
type WebhookDelivery = typeof webhookDeliveries.$inferInsert;

export type { WebhookEventType };

/** Everything a command may change, copied at its start so a rejected command leaves no trace. */
interface State {
  orders: Map<string, OrderRow | null>;
  lines: Map<string, LineRow[]>;
  dirtyOrders: Map<string, number>;
  dirtyLines: Set<string>;
  moves: StockMove[];
  audits: AuditRow[];
  /** Messages to the customer, written with the change that causes them (an outbox). */
  notifications: Notification[];
  /** Status events for the e-commerce platform, the same way. */
  webhooks: WebhookDelivery[];
  /** Customer arrivals an associate took ("I'm on it"), by arrival id: who took it. */
  arrivalAcks: Map<string, { orderId: string; actor: Actor }>;
  /** Orders handed over: their waiting customers are served. */
  served: Map<string, Actor>;
  /** Orders placed at other stores (reservations, re-routes). */
  placements: Placement[];
  /** Returns taken at this store's counter, and the refunds they pay. */
  returns: RecordedReturn[];
  refunds: RecordedRefund[];
}

const emptyWrites = () => ({
  dirtyOrders: new Map<string, number>(),
  dirtyLines: new Set<string>(),
  moves: [] as StockMove[],
  audits: [] as AuditRow[],
  notifications: [] as Notification[],
  webhooks: [] as WebhookDelivery[],
  arrivalAcks: new Map<string, { orderId: string; actor: Actor }>(),
  served: new Map<string, Actor>(),
  placements: [] as Placement[],
  returns: [] as RecordedReturn[],
  refunds: [] as RecordedRefund[],
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A unit of work over the orders of one store inside the caller's transaction. Actions read
 * orders and lines through it (each order locked FOR UPDATE once, then held in memory until
 * commit) and record their writes in memory; `flush` writes them all with a few multi-row
 * statements under one store change number. `attempt` runs one command and, if it throws,
 * forgets what that command changed: the in-memory equivalent of a savepoint, with no round
 * trip. A batch of commands costs a handful of statements instead of several per command.
 */
export class OrderWork {
  private state: State = { orders: new Map(), lines: new Map(), ...emptyWrites() };
  private readonly stagingCodes = new Map<string, Set<string>>();

  constructor(
    readonly tx: Executor,
    readonly storeId: string,
  ) {}

  /** Locks and loads the orders a batch names, in id order so two batches never deadlock. */
  async prefetch(orderIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(orderIds)].filter((id) => UUID.test(id) && !this.state.orders.has(id));
    if (wanted.length === 0) return;
    const rows = await this.tx
      .select()
      .from(orders)
      .where(and(eq(orders.storeId, this.storeId), inArray(orders.id, wanted)))
      .orderBy(asc(orders.id))
      .for('update');
    for (const id of wanted) this.state.orders.set(id, null);
    for (const row of rows) this.state.orders.set(row.id, row as OrderRow);
    const found = rows.map((row) => row.id);
    if (found.length === 0) return;
    const lineRows = await this.tx
      .select({ ...lineRowColumns, orderId: orderLines.orderId })
      .from(orderLines)
      .innerJoin(products, eq(products.id, orderLines.productId))
      .where(inArray(orderLines.orderId, found))
      .orderBy(orderLines.orderId, orderLines.lineNo);
    for (const id of found) this.state.lines.set(id, []);
    for (const { orderId, ...line } of lineRows) this.state.lines.get(orderId)!.push(line);
  }

  /** The order, locked for this transaction. An order of another store is "not found". */
  async order(orderId: string): Promise<OrderRow> {
    if (!this.state.orders.has(orderId)) await this.prefetch([orderId]);
    const order = this.state.orders.get(orderId);
    if (!order) throw new DomainError(orderErrorCodes.notFound, 'No such order in this store', { orderId });
    return order;
  }

  /**
   * The order and its lines as this unit of work holds them, without a round trip: null when
   * it is not in this store, undefined when nobody loaded it (prefetch first).
   */
  peek(orderId: string): { order: OrderRow; lines: LineRow[] } | null | undefined {
    if (!this.state.orders.has(orderId)) return undefined;
    const order = this.state.orders.get(orderId);
    return order ? { order, lines: this.state.lines.get(orderId) ?? [] } : null;
  }

  /** The order's lines as this unit of work sees them, in line order. */
  async lines(orderId: string): Promise<LineRow[]> {
    await this.order(orderId);
    return this.state.lines.get(orderId) ?? [];
  }

  async isKnownGtin(gtin14: string): Promise<boolean> {
    const [row] = await this.tx.select({ id: products.id }).from(products).where(eq(products.gtin14, gtin14));
    return row !== undefined;
  }

  /**
   * Whether a label booking exists for the order's current packing: `booked`, or `booking`
   * while a carrier call is under way. Bookings are made outside the unit of work (they need
   * the carrier), under the order's row lock, which this unit of work holds once it read it.
   */
  async labelState(order: OrderRow): Promise<'none' | 'booking' | 'booked'> {
    const [row] = await this.tx
      .select({ status: shipments.status })
      .from(shipments)
      .where(and(eq(shipments.orderId, order.id), eq(shipments.packRevision, order.packRevision)));
    return row?.status === 'booked' || row?.status === 'booking' ? row.status : 'none';
  }

  /** The orders this unit of work holds, as its commands have left them so far. */
  heldOrders(): OrderRow[] {
    return [...this.state.orders.values()].filter((order): order is OrderRow => order !== null);
  }

  async isStagingLocation(code: string): Promise<boolean> {
    let codes = this.stagingCodes.get(this.storeId);
    if (!codes) {
      const rows = await this.tx
        .select({ code: stagingLocations.code })
        .from(stagingLocations)
        .where(eq(stagingLocations.storeId, this.storeId));
      codes = new Set(rows.map((row) => row.code));
      this.stagingCodes.set(this.storeId, codes);
    }
    return codes.has(code);
  }

  /** Changes the order in memory; each call is one version step for the clients that watch it. */
  updateOrder(order: OrderRow, changes: OrderChanges): OrderRow {
    const current = this.state.orders.get(order.id) ?? order;
    const next = { ...current, ...changes } as OrderRow;
    this.state.orders.set(order.id, next);
    this.state.dirtyOrders.set(order.id, (this.state.dirtyOrders.get(order.id) ?? 0) + 1);
    return next;
  }

  saveLine(orderId: string, line: LineRow): void {
    const lines = this.state.lines.get(orderId) ?? [];
    this.state.lines.set(
      orderId,
      lines.map((l) => (l.id === line.id ? line : l)),
    );
    this.state.dirtyLines.add(`${orderId}/${line.id}`);
  }

  moveStock(move: StockMove): void {
    if (move.delta.onHand === 0 && move.delta.reserved === 0) return;
    this.state.moves.push(move);
  }

  audit(actor: Actor, entry: AuditEntry): void {
    this.state.audits.push(
      auditRow(actor, { ...entry, storeId: entry.storeId ?? actor.storeId ?? this.storeId }),
    );
  }

  notifyCustomer(order: OrderRow, kind: string, payload: Record<string, unknown>): void {
    this.state.notifications.push({ orderId: order.id, storeId: order.storeId, kind, payload });
    // The ready e-mail carries the curbside link; a customer who also gave a phone gets the link
    // by text too, a message of its own (a phone-only customer's ready text already has it).
    if (kind === 'ready_for_pickup' && order.customerPhone?.trim() && order.customerEmail.trim()) {
      this.state.notifications.push({
        orderId: order.id,
        storeId: order.storeId,
        kind: 'curbside_link',
        payload: { ...payload, channel: 'sms' },
      });
    }
  }

  /**
   * Records a status event for the platform. The body names the order as this unit of work now
   * sees it (call it after updateOrder); its id is the delivery id the platform dedupes on.
   */
  webhook(
    order: OrderRow,
    type: WebhookEventType,
    data: Record<string, unknown> = {},
    at = new Date(),
  ): void {
    const current = this.state.orders.get(order.id) ?? order;
    const id = randomUUID();
    this.state.webhooks.push({
      id,
      storeId: current.storeId,
      orderId: current.id,
      eventType: type,
      payload: {
        id,
        type,
        occurredAt: at.toISOString(),
        storeId: current.storeId,
        order: {
          id: current.id,
          externalId: current.externalId,
          number: current.number,
          status: current.status,
          fulfillmentType: current.fulfillmentType,
        },
        data,
      },
    });
  }

  /** The associate took a customer who said they are here; written at flush. */
  acknowledgeArrival(arrivalId: string, orderId: string, actor: Actor): void {
    if (!this.state.arrivalAcks.has(arrivalId)) this.state.arrivalAcks.set(arrivalId, { orderId, actor });
  }

  /** Who took an arrival in this unit of work, if anyone did. */
  arrivalTakenBy(arrivalId: string): string | null {
    return this.state.arrivalAcks.get(arrivalId)?.actor.id ?? null;
  }

  /** The order was handed over: the customers waiting for it are served at flush. */
  serveArrivals(orderId: string, actor: Actor): void {
    this.state.served.set(orderId, actor);
  }

  /** Places an order at another store, written first at flush (ADR 0039). */
  placeOrder(placement: Placement): void {
    this.state.placements.push(placement);
  }

  /** The orders placed elsewhere so far, oldest first. */
  placements(): readonly Placement[] {
    return this.state.placements;
  }

  recordReturn(recorded: RecordedReturn): void {
    this.state.returns.push(recorded);
  }

  /** The returns taken so far in this unit of work, oldest first. */
  recordedReturns(): readonly RecordedReturn[] {
    return this.state.returns;
  }

  /** A refund paid at flush, through the payment adapter; its audit entry names the receipt. */
  refund(recorded: RecordedRefund): void {
    this.state.refunds.push(recorded);
  }

  recordedRefunds(): readonly RecordedRefund[] {
    return this.state.refunds;
  }

  private copyState(): State {
    return {
      orders: new Map(this.state.orders),
      lines: new Map(this.state.lines),
      dirtyOrders: new Map(this.state.dirtyOrders),
      dirtyLines: new Set(this.state.dirtyLines),
      moves: [...this.state.moves],
      audits: [...this.state.audits],
      notifications: [...this.state.notifications],
      webhooks: [...this.state.webhooks],
      arrivalAcks: new Map(this.state.arrivalAcks),
      served: new Map(this.state.served),
      placements: [...this.state.placements],
      returns: [...this.state.returns],
      refunds: [...this.state.refunds],
    };
  }

  /** Runs one command; if it throws, its in-memory changes are undone and the error rethrown. */
  async attempt<T>(command: () => Promise<T>): Promise<T> {
    const saved = this.copyState();
    try {
      return await command();
    } catch (error) {
      this.state = saved;
      throw error;
    }
  }

  /** The same for a command that needs no round trip (its reads were prefetched). */
  attemptNow<T>(command: () => T): T {
    const saved = this.copyState();
    try {
      return command();
    } catch (error) {
      this.state = saved;
      throw error;
    }
  }

  /**
   * Writes everything recorded so far, stamped with one new change number of the store. Orders
   * placed at other stores go first (under their own stores' numbers): the lines that name them
   * are written after.
   */
  async flush(): Promise<void> {
    const { dirtyOrders, dirtyLines, moves, notifications, webhooks, arrivalAcks, served } = this.state;
    const { placements, returns, refunds } = this.state;
    const ownChanges =
      dirtyOrders.size > 0 ||
      dirtyLines.size > 0 ||
      moves.length > 0 ||
      this.state.audits.length > 0 ||
      notifications.length > 0 ||
      webhooks.length > 0 ||
      arrivalAcks.size > 0 ||
      served.size > 0 ||
      refunds.length > 0;
    if (!ownChanges && placements.length === 0 && returns.length === 0) return;
    if (placements.length > 0) await writePlacements(this.tx, placements);
    if (ownChanges) {
      const version = await nextStoreVersion(this.tx, this.storeId);
      if (dirtyOrders.size > 0) await this.writeOrders(version);
      if (dirtyLines.size > 0) await this.writeLines();
      if (moves.length > 0) await this.writeStock(version);
      if (arrivalAcks.size > 0) await this.writeArrivalAcks(version);
      // Serving writes audit rows of its own (where the handover happened), so it goes first.
      if (served.size > 0) await this.writeServed(version);
    }
    if (returns.length > 0) await writeReturns(this.tx, this.storeId, returns);
    // Refunds after their returns; their audit rows name what the payment adapter answered.
    const paid = refunds.length > 0 ? await payRefunds(this.tx, this.storeId, refunds) : [];
    const audits = [...this.state.audits, ...paid];
    if (audits.length > 0) await this.tx.insert(auditLog).values(audits);
    if (notifications.length > 0) await this.tx.insert(customerNotifications).values(notifications);
    if (webhooks.length > 0) await this.tx.insert(webhookDeliveries).values(webhooks);
    this.state = { ...this.state, ...emptyWrites() };
  }

  /** The first associate wins: an arrival someone already took keeps its first taker. */
  private async writeArrivalAcks(version: number): Promise<void> {
    const records = [...this.state.arrivalAcks].map(([id, { actor }]) => ({ id, by: actor.id }));
    await this.tx.execute(sql`
      update pickup_arrivals a set acknowledged_by = r."by", acknowledged_at = now(),
        sync_version = ${version}
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(id uuid, "by" uuid)
      where a.id = r.id and a.store_id = ${this.storeId} and a.acknowledged_by is null`);
  }

  /**
   * The customers waiting for the handed-over orders are served. When one of them waited in the
   * car, the handover happened at the curb, and the audit says so.
   */
  private async writeServed(version: number): Promise<void> {
    const orderIds = [...this.state.served.keys()];
    const open = await this.tx
      .update(pickupArrivals)
      .set({ handedOverAt: sql`now()`, syncVersion: version })
      .where(
        and(
          inArray(pickupArrivals.orderId, orderIds),
          eq(pickupArrivals.storeId, this.storeId),
          isNull(pickupArrivals.handedOverAt),
        ),
      )
      .returning({
        orderId: pickupArrivals.orderId,
        kind: pickupArrivals.kind,
        parkingSpot: pickupArrivals.parkingSpot,
      });
    for (const orderId of new Set(open.map((row) => row.orderId))) {
      const curbside = open.find((row) => row.orderId === orderId && row.kind === 'curbside');
      this.audit(this.state.served.get(orderId)!, {
        action: 'order.handoverAt',
        entityType: 'order',
        entityId: orderId,
        details: curbside ? { at: 'curbside', parkingSpot: curbside.parkingSpot } : { at: 'counter' },
      });
    }
  }

  private async writeOrders(version: number): Promise<void> {
    const records = [...this.state.dirtyOrders].map(([id, steps]) => {
      const order = this.state.orders.get(id)!;
      return {
        id,
        steps,
        ...Object.fromEntries(mutableOrderFields.map((field) => [field, order[field] ?? null])),
      };
    });
    await this.tx.execute(sql`
      update orders o set
        status = r."status", claimed_by = r."claimedBy", claimed_at = r."claimedAt",
        picked_at = r."pickedAt", staging_location = r."stagingLocation", ready_at = r."readyAt",
        collected_at = r."collectedAt", cancelled_at = r."cancelledAt",
        cancel_reason = r."cancelReason", cancelled_by = r."cancelledBy", put_back_at = r."putBackAt",
        expired_at = r."expiredAt", packed_at = r."packedAt", shipped_at = r."shippedAt",
        packages = r."packages", pack_revision = r."packRevision",
        assigned_to = r."assignedTo", assigned_at = r."assignedAt", arrived_at = r."arrivedAt",
        id_checked_at = r."idCheckedAt", id_checked_by = r."idCheckedBy",
        id_document_type = r."idDocumentType", id_document_last4 = r."idDocumentLast4",
        version = o.version + r.steps, sync_version = ${version}, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(
        id uuid, steps int, "status" text, "claimedBy" uuid, "claimedAt" timestamptz,
        "pickedAt" timestamptz, "stagingLocation" text, "readyAt" timestamptz,
        "collectedAt" timestamptz, "cancelledAt" timestamptz, "cancelReason" text,
        "cancelledBy" text, "putBackAt" timestamptz, "expiredAt" timestamptz,
        "packedAt" timestamptz, "shippedAt" timestamptz, "packages" jsonb, "packRevision" int,
        "assignedTo" uuid, "assignedAt" timestamptz, "arrivedAt" timestamptz,
        "idCheckedAt" timestamptz, "idCheckedBy" uuid, "idDocumentType" text, "idDocumentLast4" text)
      where o.id = r.id and o.store_id = ${this.storeId}`);
  }

  private async writeLines(): Promise<void> {
    const records = [...this.state.dirtyLines].map((key) => {
      const [orderId, lineId] = key.split('/') as [string, string];
      const line = this.state.lines.get(orderId)!.find((l) => l.id === lineId)!;
      return {
        id: line.id,
        qtyPicked: line.qtyPicked,
        qtyShort: line.qtyShort,
        shortReason: line.shortReason,
        reroutedTo: line.reroutedTo?.orderId ?? null,
        substitute: line.substitute,
        qtyHandedOver: line.qtyHandedOver,
        qtyRefused: line.qtyRefused,
      };
    });
    await this.tx.execute(sql`
      update order_lines l set
        qty_picked = r."qtyPicked", qty_short = r."qtyShort", short_reason = r."shortReason",
        -- A line's short units move once: a saved line never clears where they went.
        rerouted_to = coalesce(r."reroutedTo", l.rerouted_to), substitute = r."substitute",
        qty_handed_over = r."qtyHandedOver", qty_refused = r."qtyRefused"
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(
        id uuid, "qtyPicked" int, "qtyShort" int, "shortReason" text, "reroutedTo" uuid,
        "substitute" jsonb, "qtyHandedOver" int, "qtyRefused" int)
      where l.id = r.id`);
  }

  /**
   * One relative update per product, summing the batch's moves, so a concurrent reservation of
   * the same product by intake is never overwritten; every move keeps its own ledger row.
   */
  private async writeStock(version: number): Promise<void> {
    const sums = new Map<string, { productId: string; onHand: number; reserved: number }>();
    for (const move of this.state.moves) {
      const sum = sums.get(move.productId) ?? { productId: move.productId, onHand: 0, reserved: 0 };
      sum.onHand += move.delta.onHand;
      sum.reserved += move.delta.reserved;
      sums.set(move.productId, sum);
    }
    // An upsert: a return restocks a product this store may never have stocked (bought online
    // for another store); every other move finds its row.
    await this.tx.execute(sql`
      insert into stock as s (store_id, product_id, on_hand, reserved, updated_at, sync_version)
      select ${this.storeId}, r."productId", r."onHand", r."reserved", now(), ${version}
      from jsonb_to_recordset(${JSON.stringify([...sums.values()])}::jsonb) as r(
        "productId" uuid, "onHand" int, "reserved" int)
      on conflict (store_id, product_id) do update set
        on_hand = s.on_hand + excluded.on_hand,
        reserved = greatest(0, s.reserved + excluded.reserved),
        updated_at = now(), sync_version = excluded.sync_version`);
    await this.tx.insert(stockMovements).values(
      this.state.moves.map((move) => ({
        storeId: this.storeId,
        productId: move.productId,
        orderId: move.orderId,
        reason: move.reason,
        deltaOnHand: move.delta.onHand,
        deltaReserved: move.delta.reserved,
      })),
    );
  }
}
