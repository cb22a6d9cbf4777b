import { randomUUID } from 'node:crypto';
import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import type { StockDelta } from '../../domain/order-stock';
import type { Actor, AuditEntry } from '../audit/audit';
import { auditRow } from '../audit/audit';
import type { Executor } from '../db/client';
import { executeNamed } from '../db/prepared';
import type { auditLog, customerNotifications, webhookDeliveries } from '../db/schema';
import { orders, products, shipments, stagingLocations } from '../db/schema';
import type { WebhookEventType } from '../../commands/order-tx';
import { storeVersionBump } from './store-version';
import type { LineRow, OrderRow } from './order-rows';
import { linesOfOrder } from './order-rows';
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

  /**
   * Locks and loads the orders a batch names with their lines, in one statement, in id order so
   * two batches never deadlock.
   */
  async prefetch(orderIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(orderIds)].filter((id) => UUID.test(id) && !this.state.orders.has(id));
    if (wanted.length === 0) return;
    // The ids go as one JSON parameter, so the text is the same for any number of them and the
    // statement is sent by name (ADR 0048).
    const rows = await this.tx
      .select({ ...getTableColumns(orders), lines: linesOfOrder() })
      .from(orders)
      .where(
        and(
          eq(orders.storeId, this.storeId),
          sql`${orders.id} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb))`,
        ),
      )
      .orderBy(asc(orders.id))
      .for('update')
      .prepare('aisle_work_orders')
      .execute();
    for (const id of wanted) this.state.orders.set(id, null);
    for (const { lines, ...row } of rows) {
      this.state.orders.set(row.id, row as OrderRow);
      this.state.lines.set(row.id, lines);
    }
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
   * Writes everything recorded so far, stamped with one new change number of the store, in one
   * statement (ADR 0053): each kind of write is a data-modifying CTE over the batch's rows, so a
   * batch costs the same whatever its size. `also` adds the caller's own writes to the same
   * statement (the push's mutation log and stream position). Orders placed at other stores go
   * first (under their own stores' numbers): the lines that name them are written after; returns
   * and the refunds they pay go before, since a refund's audit row names what the payment adapter
   * answered.
   */
  async flush(also: readonly SQL[] = []): Promise<void> {
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
    if (!ownChanges && placements.length === 0 && returns.length === 0 && also.length === 0) return;
    if (placements.length > 0) await writePlacements(this.tx, placements);
    if (returns.length > 0) await writeReturns(this.tx, this.storeId, returns);
    const paid = refunds.length > 0 ? await payRefunds(this.tx, this.storeId, refunds) : [];
    const writes: SQL[] = [];
    if (ownChanges) {
      // Every write below names the version through this CTE, so it is taken first, once.
      writes.push(sql`v as (${storeVersionBump(this.storeId)})`);
      const version = sql`(select version from v)`;
      if (dirtyOrders.size > 0) writes.push(sql`orders_written as (${this.writeOrders(version)})`);
      if (dirtyLines.size > 0) writes.push(sql`lines_written as (${this.writeLines()})`);
      if (moves.length > 0) writes.push(...this.writeStock(version));
      if (arrivalAcks.size > 0 || served.size > 0) writes.push(...this.writeArrivals(version));
    }
    const audits = this.auditInsert(paid);
    if (audits) writes.push(sql`audits_written as (${audits})`);
    if (notifications.length > 0) {
      writes.push(sql`notifications_written as (
        insert into customer_notifications (order_id, store_id, kind, payload)
        select r."orderId", r."storeId", r."kind", r."payload"
        from jsonb_array_elements(${JSON.stringify(notifications)}::jsonb) with ordinality as r_(value, n),
          jsonb_to_record(r_.value) as r(
          "orderId" uuid, "storeId" text, "kind" text, "payload" jsonb)
        order by r_.n)`);
    }
    if (webhooks.length > 0) {
      writes.push(sql`webhooks_written as (
        insert into webhook_deliveries (id, store_id, order_id, event_type, payload)
        select r."id", r."storeId", r."orderId", r."eventType", r."payload"
        from jsonb_to_recordset(${JSON.stringify(webhooks)}::jsonb) as r(
          "id" uuid, "storeId" text, "orderId" uuid, "eventType" text, "payload" jsonb))`);
    }
    writes.push(...also.map((write, i) => sql`also_${sql.raw(String(i))} as (${write})`));
    // Its text depends only on which kinds of write the batch has: one name per shape.
    if (writes.length > 0) await executeNamed(this.tx, sql`with ${sql.join(writes, sql`, `)} select 1`);
    this.state = { ...this.state, ...emptyWrites() };
  }

  /**
   * The audit rows in the order they were recorded, then those of the customers served by a
   * handover (where it happened: the counter, or the curb and its spot), then the refunds' with
   * their receipts.
   */
  private auditInsert(paid: readonly AuditRow[]): SQL | undefined {
    const recorded = [...this.state.audits, ...paid];
    const served = [...this.state.served].map(([orderId, actor]) => ({
      orderId,
      actorType: actor.type,
      actorId: actor.id,
      deviceId: actor.deviceId,
      storeId: actor.storeId ?? this.storeId,
    }));
    if (recorded.length === 0 && served.length === 0) return undefined;
    const rows = (list: readonly AuditRow[], group: number) => sql`
      select ${sql.raw(String(group))} as g, r_.n, r."storeId", r."actorType", r."actorId", r."deviceId", r."action",
        r."entityType", r."entityId", coalesce(r."details", '{}'::jsonb) as details
      from jsonb_array_elements(${JSON.stringify(list)}::jsonb) with ordinality as r_(value, n),
          jsonb_to_record(r_.value) as r(
        "storeId" text, "actorType" text, "actorId" text, "deviceId" text, "action" text,
        "entityType" text, "entityId" text, "details" jsonb)`;
    const parts: SQL[] = [rows(this.state.audits, 0)];
    if (served.length > 0) {
      parts.push(sql`
        select 1, min(s_.n), s."storeId", s."actorType", s."actorId", s."deviceId", 'order.handoverAt',
          'order', s."orderId"::text,
          case when bool_or(a.kind = 'curbside')
            then jsonb_build_object('at', 'curbside',
              'parkingSpot', (array_agg(a.parking_spot) filter (where a.kind = 'curbside'))[1])
            else jsonb_build_object('at', 'counter') end
        from arrivals_served a,
          jsonb_array_elements(${JSON.stringify(served)}::jsonb) with ordinality as s_(value, n),
          jsonb_to_record(s_.value) as s(
          "orderId" uuid, "actorType" text, "actorId" text, "deviceId" text, "storeId" text)
        where s."orderId" = a.order_id
        group by s."orderId", s."actorType", s."actorId", s."deviceId", s."storeId"`);
    }
    if (paid.length > 0) parts.push(rows(paid, 2));
    return sql`insert into audit_log (store_id, actor_type, actor_id, device_id, action, entity_type,
        entity_id, details)
      select "storeId", "actorType", "actorId", "deviceId", "action", "entityType", "entityId", details
      from (${sql.join(parts, sql` union all `)}) x order by g, n`;
  }

  /**
   * The arrivals taken (the first associate wins: one already taken keeps its first taker) and
   * those of handed-over orders served, in one update: a row may be both. The served rows are
   * locked first and named (arrivals_served), so their audit rows say where the handover was.
   */
  private writeArrivals(version: SQL): SQL[] {
    const acks = [...this.state.arrivalAcks].map(([id, { actor }]) => ({ id, by: actor.id }));
    const servedIds = [...this.state.served.keys()];
    return [
      sql`arrivals_taken as (
        select r.id, r."by" from jsonb_to_recordset(${JSON.stringify(acks)}::jsonb) as r(id uuid, "by" uuid))`,
      sql`arrivals_served as (
        select a.id, a.order_id, a.kind, a.parking_spot from pickup_arrivals a
        where a.order_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(servedIds)}::jsonb))
          and a.store_id = ${this.storeId} and a.handed_over_at is null
        for update)`,
      sql`arrivals_written as (
        update pickup_arrivals a set
          acknowledged_by = coalesce(a.acknowledged_by, (select t."by" from arrivals_taken t where t.id = a.id)),
          acknowledged_at = case when a.acknowledged_by is null and a.id in (select id from arrivals_taken)
            then now() else a.acknowledged_at end,
          handed_over_at = case when a.id in (select id from arrivals_served)
            then now() else a.handed_over_at end,
          sync_version = ${version}
        where a.id in (select id from arrivals_taken union select id from arrivals_served)
          and a.store_id = ${this.storeId}
          and (a.acknowledged_by is null or a.id in (select id from arrivals_served)))`,
    ];
  }

  private writeOrders(version: SQL): SQL {
    const records = [...this.state.dirtyOrders].map(([id, steps]) => {
      const order = this.state.orders.get(id)!;
      return {
        id,
        steps,
        ...Object.fromEntries(mutableOrderFields.map((field) => [field, order[field] ?? null])),
      };
    });
    return sql`
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
      where o.id = r.id and o.store_id = ${this.storeId}`;
  }

  private writeLines(): SQL {
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
    return sql`
      update order_lines l set
        qty_picked = r."qtyPicked", qty_short = r."qtyShort", short_reason = r."shortReason",
        -- A line's short units move once: a saved line never clears where they went.
        rerouted_to = coalesce(r."reroutedTo", l.rerouted_to), substitute = r."substitute",
        qty_handed_over = r."qtyHandedOver", qty_refused = r."qtyRefused"
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(
        id uuid, "qtyPicked" int, "qtyShort" int, "shortReason" text, "reroutedTo" uuid,
        "substitute" jsonb, "qtyHandedOver" int, "qtyRefused" int)
      where l.id = r.id`;
  }
  /**
   * One relative update per product, summing the batch's moves, so a concurrent reservation of
   * the same product by intake is never overwritten; every move keeps its own ledger row.
   */
  private writeStock(version: SQL): SQL[] {
    const sums = new Map<string, { productId: string; onHand: number; reserved: number }>();
    for (const move of this.state.moves) {
      const sum = sums.get(move.productId) ?? { productId: move.productId, onHand: 0, reserved: 0 };
      sum.onHand += move.delta.onHand;
      sum.reserved += move.delta.reserved;
      sums.set(move.productId, sum);
    }
    const ledger = this.state.moves.map((move) => ({
      productId: move.productId,
      orderId: move.orderId,
      reason: move.reason,
      onHand: move.delta.onHand,
      reserved: move.delta.reserved,
    }));
    // An upsert: a return restocks a product this store may never have stocked (bought online
    // for another store); every other move finds its row.
    return [
      sql`stock_written as (
        insert into stock as s (store_id, product_id, on_hand, reserved, updated_at, sync_version)
        select ${this.storeId}, r."productId", r."onHand", r."reserved", now(), ${version}
        from jsonb_to_recordset(${JSON.stringify([...sums.values()])}::jsonb) as r(
          "productId" uuid, "onHand" int, "reserved" int)
        on conflict (store_id, product_id) do update set
          on_hand = s.on_hand + excluded.on_hand,
          reserved = greatest(0, s.reserved + excluded.reserved),
          updated_at = now(), sync_version = excluded.sync_version)`,
      sql`movements_written as (
        insert into stock_movements (store_id, product_id, order_id, reason, delta_on_hand, delta_reserved)
        select ${this.storeId}, r."productId", r."orderId", r."reason", r."onHand", r."reserved"
        from jsonb_array_elements(${JSON.stringify(ledger)}::jsonb) with ordinality as r_(value, n),
          jsonb_to_record(r_.value) as r(
          "productId" uuid, "orderId" uuid, "reason" text, "onHand" int, "reserved" int)
        order by r_.n)`,
    ];
  }
}
