import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PackedPackage } from '../../domain/packing';
import type { OrderDiscount, OrderPayment } from '../../contract/orders';
import {
  DEFAULT_ANSWER_MINUTES,
  DEFAULT_PRICE_RULE,
  type LineSubstitute,
  type OrderSubstitution,
  type PriceRule,
  type SubstitutionPreference,
} from '../../domain/substitution';

// Every table of store data carries store_id, leading its keys, so a chain's data can be
// partitioned by store later without rewriting queries.

/** PostgreSQL's full-text document type, built into every PostgreSQL and PGlite (no extension). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const stores = pgTable(
  'stores',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    timezone: text('timezone').notNull(),
    openingHours: jsonb('opening_hours').notNull(),
    /** Days a ready order waits on the pickup shelf before it expires (src/server/orders/expire-orders.ts). */
    pickupHoldDays: integer('pickup_hold_days').notNull().default(7),
    // Substitutions (issue 15, 0016): the rule a substitute's price meets without asking, and
    // the minutes a customer has to answer a request. Orders keep the values they were taken under.
    substitutionPriceRule: jsonb('substitution_price_rule')
      .$type<PriceRule>()
      .notNull()
      .default(DEFAULT_PRICE_RULE),
    substitutionAnswerMinutes: integer('substitution_answer_minutes')
      .notNull()
      .default(DEFAULT_ANSWER_MINUTES),
    createdAt: createdAt(),
  },
  (t) => [
    check('stores_pickup_hold_days_check', sql`${t.pickupHoldDays} >= 1`),
    check('stores_substitution_answer_minutes_check', sql`${t.substitutionAnswerMinutes} >= 1`),
  ],
);

export const stagingLocations = pgTable(
  'staging_locations',
  {
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    kind: text('kind', { enum: ['shelf', 'locker', 'curbside'] }).notNull(),
    /** Orders it holds at once (src/domain/shelf.ts): one for a shelf, several for a locker. */
    capacity: integer('capacity').notNull().default(1),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.code] }),
    check('staging_locations_capacity_check', sql`${t.capacity} >= 1`),
  ],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull(),
    gtin14: text('gtin14').notNull(),
    barcode: text('barcode').notNull(),
    barcodeType: text('barcode_type').notNull(),
    brand: text('brand').notNull(),
    nameIt: text('name_it').notNull(),
    nameEn: text('name_en').notNull(),
    category: text('category').notNull(),
    colorIt: text('color_it').notNull(),
    colorEn: text('color_en').notNull(),
    size: text('size').notNull(),
    priceCents: integer('price_cents').notNull(),
    returnable: boolean('returnable').notNull().default(true),
    /** The product's picture: an https address, or a path on this server (migration 0019, ADR 0055). */
    imageUrl: text('image_url'),
    createdAt: createdAt(),
    /** Words to search a product by, kept by the database; see docs/decisions/0012. */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', name_it || ' ' || name_en), 'A') || setweight(to_tsvector('simple', brand), 'B') || setweight(to_tsvector('simple', color_it || ' ' || color_en || ' ' || size || ' ' || sku), 'C')`,
      ),
  },
  (t) => [
    uniqueIndex('products_sku_key').on(t.sku),
    uniqueIndex('products_gtin14_key').on(t.gtin14),
    // Stock lookup (docs/decisions/0012): a SKU typed in any case, exactly or by its start.
    index('products_sku_upper_idx').on(sql`upper(${t.sku}) text_pattern_ops`),
    index('products_search_idx').using('gin', t.searchVector),
    check(
      'products_image_url_check',
      sql`${t.imageUrl} is null or (char_length(${t.imageUrl}) <= 2048 and ${t.imageUrl} ~ '^(https://[^/\\s]|/[^/\\s])[^\\s]*$')`,
    ),
  ],
);

export const stock = pgTable(
  'stock',
  {
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    safetyStock: integer('safety_stock').notNull().default(0),
    aisle: text('aisle'),
    bay: text('bay'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.productId] }),
    index('stock_store_sync_idx').on(t.storeId, t.syncVersion),
    // One product in every store (stock lookup): the primary key leads with the store.
    index('stock_product_idx').on(t.productId),
  ],
);

export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: text('store_id').notNull(),
    productId: uuid('product_id').notNull(),
    orderId: uuid('order_id'),
    reason: text('reason').notNull(),
    deltaOnHand: integer('delta_on_hand').notNull(),
    deltaReserved: integer('delta_reserved').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('stock_movements_store_product_idx').on(t.storeId, t.productId)],
);

export const associates = pgTable(
  'associates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    employeeId: text('employee_id').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['associate', 'manager'] }).notNull(),
    pinHash: text('pin_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('associates_store_employee_key').on(t.storeId, t.employeeId)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associateId: uuid('associate_id')
      .notNull()
      .references(() => associates.id),
    storeId: text('store_id').notNull(),
    deviceId: text('device_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
    /** The session (family) it was rotated within; null only for tokens issued before 0011. */
    sessionId: uuid('session_id').references((): AnyPgColumn => authSessions.id),
    /** The token this one was rotated from. */
    parentId: uuid('parent_id'),
    /** rotated | superseded | signedOut | reuse */
    revokeReason: text('revoke_reason'),
    /** When the device proved it holds this token: it was presented, or its access token was. */
    usedAt: ts('used_at'),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_key').on(t.tokenHash),
    index('refresh_tokens_session_idx').on(t.sessionId),
    index('refresh_tokens_parent_idx').on(t.parentId),
  ],
);

/**
 * One sign-in on one device and every token rotated from it. Access tokens carry its id (sid);
 * once ended_at is set they are refused on every instance within seconds (ADR 0026).
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associateId: uuid('associate_id')
      .notNull()
      .references(() => associates.id),
    storeId: text('store_id').notNull(),
    deviceId: text('device_id').notNull(),
    createdAt: createdAt(),
    endedAt: ts('ended_at'),
    /** signedOut | refreshReuse */
    endReason: text('end_reason'),
  },
  (t) => [index('auth_sessions_associate_idx').on(t.associateId)],
);

/** The devices an associate signed in on with the right PIN (ADR 0025). */
export const associateDevices = pgTable(
  'associate_devices',
  {
    associateId: uuid('associate_id')
      .notNull()
      .references(() => associates.id),
    deviceId: text('device_id').notNull(),
    firstSignedInAt: ts('first_signed_in_at').notNull().defaultNow(),
    lastSignedInAt: ts('last_signed_in_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.associateId, t.deviceId] })],
);

// ---------------------------------------------------------------------------------------------
// Handover at the counter (issue 15, points 4 and 5; migration 0017, ADR 0047): units handed over
// or refused per line, the ID step's flags and its outcome, and the store's age per category.

/** A line's units at the counter, and the minimum age its product needs (null: none). */
const counterLineColumns = () => ({
  qtyHandedOver: integer('qty_handed_over').notNull().default(0),
  qtyRefused: integer('qty_refused').notNull().default(0),
  minimumAge: integer('minimum_age'),
});

/**
 * Flags set at intake that call for the ID step, and the step's outcome. Only the document type
 * and its last 4 characters are kept: never an image, the full number or the birth date.
 */
const idCheckColumns = () => ({
  highValue: boolean('high_value').notNull().default(false),
  /** The third party the customer named to collect the order. */
  collectorName: text('collector_name'),
  idCheckedAt: ts('id_checked_at'),
  idCheckedBy: uuid('id_checked_by').references((): AnyPgColumn => associates.id),
  idDocumentType: text('id_document_type'),
  idDocumentLast4: text('id_document_last4'),
});

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    externalId: text('external_id').notNull(),
    number: text('number').notNull(),
    channel: text('channel').notNull(),
    fulfillmentType: text('fulfillment_type').notNull(),
    status: text('status').notNull(),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email').notNull(),
    customerPhone: text('customer_phone'),
    customerLanguage: text('customer_language').notNull(),
    shippingAddress: jsonb('shipping_address'),
    pickupCode: text('pickup_code').notNull(),
    currency: text('currency').notNull().default('EUR'),
    totalCents: integer('total_cents').notNull(),
    requestHash: text('request_hash').notNull(),
    placedAt: ts('placed_at').notNull(),
    promisedAt: ts('promised_at').notNull(),
    claimedBy: uuid('claimed_by').references(() => associates.id),
    claimedAt: ts('claimed_at'),
    pickedAt: ts('picked_at'),
    stagingLocation: text('staging_location'),
    readyAt: ts('ready_at'),
    collectedAt: ts('collected_at'),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by'),
    putBackAt: ts('put_back_at'),
    /** Left uncollected past the store's pickup hold (src/server/orders/expire-orders.ts). */
    expiredAt: ts('expired_at'),
    // A manager's assignment (issue 7): who should pick it, before or instead of a claim.
    assignedTo: uuid('assigned_to').references(() => associates.id),
    assignedAt: ts('assigned_at'),
    // The customer said they are here (at the counter kiosk, or at the curb with the spot).
    arrivedAt: ts('arrived_at'),
    // Ship-from-store (docs/decisions/0014): the packing is part of the order, written by the
    // order unit of work; a re-pack bumps the revision, which the carrier idempotency keys carry.
    packedAt: ts('packed_at'),
    shippedAt: ts('shipped_at'),
    packages: jsonb('packages').$type<PackedPackage[]>(),
    packRevision: integer('pack_revision').notNull().default(0),
    // One customer journey across stores: a line re-routed after a short pick becomes a new
    // order elsewhere with the same journey id (null: the order is its own journey).
    journeyId: uuid('journey_id'),
    // Ship-to-store: the inbound parcel's tracking number or SSCC, scanned when it arrives.
    inboundTracking: text('inbound_tracking'),
    // What the customer paid beyond the lines (issue 6: the refund shares discounts out and
    // refunds shipping by rule): order-level discounts, the shipping charge, and the payment
    // the refund goes back to.
    discounts: jsonb('discounts').$type<OrderDiscount[]>().notNull().default([]),
    shippingCents: integer('shipping_cents').notNull().default(0),
    payment: jsonb('payment').$type<OrderPayment>(),
    // Substitutions (issue 15, 0016): the customer's preference for the order with the store's
    // price rule and answer minutes when it was taken; null for orders taken before.
    substitution: jsonb('substitution').$type<OrderSubstitution>(),
    ...idCheckColumns(),
    version: integer('version').notNull().default(1),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_external_id_key').on(t.externalId),
    index('orders_store_status_promised_idx').on(t.storeId, t.status, t.promisedAt),
    index('orders_store_updated_idx').on(t.storeId, t.updatedAt),
    index('orders_store_sync_idx').on(t.storeId, t.syncVersion),
    index('orders_journey_idx').on(t.journeyId),
    index('orders_store_inbound_idx').on(t.storeId, t.inboundTracking),
    // What is on each shelf now: staging asks first when a shelf is full (src/domain/shelf.ts).
    index('orders_store_shelf_idx')
      .on(t.storeId, t.stagingLocation)
      .where(sql`${t.status} = 'ready'`),
    // The expiry job's scan over every store: only orders waiting on a pickup shelf.
    index('orders_ready_at_idx')
      .on(t.readyAt)
      .where(sql`${t.status} = 'ready'`),
    // A year of history (migration 0018, ADR 0054). The queue's orders with units to put back:
    // cancelled or expired with units in the store, not put back yet.
    index('orders_store_put_back_idx')
      .on(t.storeId)
      .where(
        sql`${t.status} in ('cancelled', 'expired') and ${t.putBackAt} is null and (${t.claimedAt} is not null or ${t.readyAt} is not null) and ${t.cancelReason} is distinct from 'nothing_available'`,
      ),
    // The KPIs' orders promised in the period.
    index('orders_store_promised_idx').on(t.storeId, t.promisedAt),
    // The returns lookup in any store: by number as typed, e-mail, phone digits read backwards.
    index('orders_number_normalised_idx').on(
      sql`upper(regexp_replace(${t.number}, '[^A-Za-z0-9]', '', 'g'))`,
    ),
    index('orders_email_lower_idx').on(sql`lower(${t.customerEmail})`),
    index('orders_phone_digits_reversed_idx').on(
      sql`reverse(regexp_replace(coalesce(${t.customerPhone}, ''), '[^0-9]', '', 'g')) text_pattern_ops`,
    ),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    storeId: text('store_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    qtyOrdered: integer('qty_ordered').notNull(),
    qtyPicked: integer('qty_picked').notNull().default(0),
    qtyShort: integer('qty_short').notNull().default(0),
    shortReason: text('short_reason'),
    unitPriceCents: integer('unit_price_cents').notNull(),
    /** The order at another store the short units moved to (see orders.journeyId). */
    reroutedTo: uuid('rerouted_to').references((): AnyPgColumn => orders.id),
    /** Sold on clearance as final sale: the return policy refuses it unless the store was at fault. */
    finalSale: boolean('final_sale').notNull().default(false),
    // Substitutions (issue 15, 0016): the line's own preference (null: the order's), and the
    // substitute picked for its short units with where the customer's answer stands.
    substitutionPreference: jsonb('substitution_preference').$type<SubstitutionPreference>(),
    substitute: jsonb('substitute').$type<LineSubstitute>(),
    ...counterLineColumns(),
  },
  (t) => [
    uniqueIndex('order_lines_order_line_key').on(t.orderId, t.lineNo),
    index('order_lines_substitute_pending_idx')
      .on(t.storeId)
      .where(sql`${t.substitute}->>'status' = 'pending'`),
  ],
);

/**
 * What the customer must be told, written in the transaction of the change that calls for it
 * (a cancelled line, a re-routed line, ready for pickup…) and sent later by the notifier.
 */
export const customerNotifications = pgTable(
  'customer_notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    storeId: text('store_id').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
    // The notifier's bookkeeping (src/server/notifications/notifier.ts): how it went out and to
    // whom, and its retries. A row is due while sent_at and failed_at are null and
    // next_attempt_at has passed; a claim moves next_attempt_at ahead (a lease).
    channel: text('channel', { enum: ['email', 'sms'] }),
    recipient: text('recipient'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    failedAt: ts('failed_at'),
  },
  (t) => [
    index('customer_notifications_unsent_idx').on(t.sentAt, t.createdAt),
    index('customer_notifications_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
    // By order (and kind): also what a command's exists() over an order's notifications uses
    // (migration 0010's index of the same name was already there, so it added nothing).
    index('customer_notifications_order_idx').on(t.orderId, t.kind),
    // The pickup reminder goes once per order, however many expiry jobs run at once.
    uniqueIndex('customer_notifications_reminder_key')
      .on(t.orderId)
      .where(sql`${t.kind} = 'pickup_reminder'`),
  ],
);

/**
 * Status events for the e-commerce platform, written in the transaction of the change (an
 * outbox) and POSTed, signed, by the webhook dispatcher (docs/webhooks.md). The id is the
 * delivery id the platform deduplicates on; the payload is the JSON body, as sent.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    storeId: text('store_id').notNull(),
    orderId: uuid('order_id').references(() => orders.id),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
    failedAt: ts('failed_at'),
    /** The platform's last HTTP status (null: no answer, e.g. a timeout). */
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.failedAt} is null`),
    index('webhook_deliveries_order_idx').on(t.orderId),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: text('store_id'),
    actorType: text('actor_type', { enum: ['associate', 'platform', 'system', 'customer'] }).notNull(),
    actorId: text('actor_id'),
    deviceId: text('device_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_store_at_idx').on(t.storeId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);

export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * One change counter per store. Every transaction that changes a store's data takes the next
 * value under this row's lock and stamps the rows it writes, so commits are ordered per store
 * and a device's pull cursor never skips a change committed late.
 */
export const storeSync = pgTable('store_sync', {
  storeId: text('store_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/** A device's outbox stream: the last command sequence number the server has processed. */
export const syncClients = pgTable('sync_clients', {
  clientId: uuid('client_id').primaryKey(),
  storeId: text('store_id').notNull(),
  associateId: uuid('associate_id').notNull(),
  deviceId: text('device_id').notNull(),
  lastSeq: integer('last_seq').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Every command processed, kept 30 days, so a resend is answered with the stored result. */
export const mutationLog = pgTable(
  'mutation_log',
  {
    mutationId: uuid('mutation_id').primaryKey(),
    clientId: uuid('client_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    requestHash: text('request_hash').notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    result: jsonb('result'),
    associateId: uuid('associate_id').notNull(),
    storeId: text('store_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mutation_log_client_seq_key').on(t.clientId, t.seq),
    index('mutation_log_created_idx').on(t.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Ship-from-store: labels booked with a carrier, and the end-of-day manifests (docs/decisions/0014).

/** Label PDFs and manifests as the carrier (or Aisle) drew them: kept, so a reprint is identical. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});

/** A closed day of one carrier at one store: what the driver signed for. */
export const manifests = pgTable(
  'manifests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    carrierId: text('carrier_id').notNull(),
    carrierName: text('carrier_name').notNull(),
    /** The carrier's id for the close-out; closing the same parcels again gives the same one. */
    carrierManifestId: text('carrier_manifest_id').notNull(),
    shipDate: text('ship_date').notNull(),
    shipmentCount: integer('shipment_count').notNull(),
    packageCount: integer('package_count').notNull(),
    weightGrams: integer('weight_grams').notNull(),
    /** One per package (src/server/shipping/manifest.ts ManifestRow), for the screen. */
    rows: jsonb('rows').notNull(),
    pdf: bytea('pdf').notNull(),
    createdBy: uuid('created_by').references(() => associates.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('manifests_store_carrier_manifest_key').on(t.storeId, t.carrierId, t.carrierManifestId),
    index('manifests_store_date_idx').on(t.storeId, t.shipDate),
  ],
);

/**
 * A label booking of one order's packing (one per pack revision). `booking` while the carrier
 * is being called (a lease, so two calls for one order never run together), then `booked`.
 */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    packRevision: integer('pack_revision').notNull(),
    status: text('status', { enum: ['booking', 'booked', 'voided'] }).notNull(),
    carrierId: text('carrier_id').notNull(),
    carrierName: text('carrier_name').notNull(),
    service: text('service').notNull(),
    serviceName: text('service_name').notNull(),
    shipDate: text('ship_date').notNull(),
    /** The customer's address as booked, for the manifest. */
    recipient: jsonb('recipient').notNull(),
    carrierShipmentId: text('carrier_shipment_id'),
    attemptedAt: ts('attempted_at').notNull().defaultNow(),
    bookedAt: ts('booked_at'),
    manifestId: uuid('manifest_id').references(() => manifests.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('shipments_order_revision_key').on(t.orderId, t.packRevision),
    index('shipments_store_open_idx').on(t.storeId, t.status, t.manifestId),
  ],
);

/** One parcel of a booked shipment: its tracking number and its label. */
export const shipmentPackages = pgTable(
  'shipment_packages',
  {
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    storeId: text('store_id').notNull(),
    packageNumber: integer('package_number').notNull(),
    /** Stable across retries of one packing; what the carrier deduplicates on. */
    idempotencyKey: text('idempotency_key').notNull(),
    type: text('type').notNull(),
    weightGrams: integer('weight_grams').notNull(),
    lengthMm: integer('length_mm').notNull(),
    widthMm: integer('width_mm').notNull(),
    heightMm: integer('height_mm').notNull(),
    carrierId: text('carrier_id').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    /** 'pdf': the carrier's own label, kept as it is; 'data': Aisle draws it from the barcode. */
    labelKind: text('label_kind', { enum: ['pdf', 'data'] }).notNull(),
    labelPdf: bytea('label_pdf'),
    labelBarcode: text('label_barcode'),
    routingCode: text('routing_code'),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.packageNumber] }),
    uniqueIndex('shipment_packages_idempotency_key').on(t.idempotencyKey),
    uniqueIndex('shipment_packages_tracking_key').on(t.carrierId, t.trackingNumber),
  ],
);

/** The own fleet's tracking sequence per store: one row, incremented in place, never reused. */
export const carrierSequences = pgTable(
  'carrier_sequences',
  {
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    carrierId: text('carrier_id').notNull(),
    lastValue: bigint('last_value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.carrierId] })],
);

// ---------------------------------------------------------------------------------------------
// Returns of online orders in the store (issue 6, docs/decisions/0018).

/**
 * A return taken at a store's counter, of an order from any store or channel. Its id is made on
 * the device (the outbox command's returnId), so a resend finds it. `refunded`: accepted, the
 * refund paid and the stock moved in the same transaction; `review`: the server's policy check
 * failed, it waits for a manager (nothing refunded or moved yet); `declined`: the manager refused.
 */
export const orderReturns = pgTable(
  'order_returns',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    orderStoreId: text('order_store_id').notNull(),
    status: text('status', { enum: ['refunded', 'review', 'declined'] }).notNull(),
    /** A refusal at the counter (ADR 0047) is a return of units that never left the store. */
    kind: text('kind', { enum: ['return', 'refusal'] })
      .notNull()
      .default('return'),
    /** The device's clock when the associate took the goods; the policy counts from it. */
    takenAt: ts('taken_at').notNull(),
    takenBy: uuid('taken_by')
      .notNull()
      .references(() => associates.id),
    deviceId: text('device_id').notNull(),
    /** Where the receipt goes, and in which language. */
    receiptEmail: text('receipt_email'),
    language: text('language').notNull(),
    /** The policy's violations when it was taken (src/domain/return-policy.ts), for the review. */
    violations: jsonb('violations').notNull().default([]),
    /** Who set policy aside and why, with what they set aside. */
    override: jsonb('override'),
    refundCents: integer('refund_cents').notNull().default(0),
    shippingRefundCents: integer('shipping_refund_cents').notNull().default(0),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => associates.id),
    decisionReason: text('decision_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('order_returns_number_key').on(t.number),
    index('order_returns_store_status_idx').on(t.storeId, t.status, t.createdAt),
    index('order_returns_order_idx').on(t.orderId),
  ],
);

/** Each unit that came back: scanned one by one, with its reason, condition and disposition. */
export const returnUnits = pgTable(
  'return_units',
  {
    returnId: uuid('return_id')
      .notNull()
      .references(() => orderReturns.id),
    unitNo: integer('unit_no').notNull(),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    reason: text('reason').notNull(),
    condition: text('condition').notNull(),
    disposition: text('disposition').notNull(),
    scannedCode: text('scanned_code'),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.unitNo] }), index('return_units_line_idx').on(t.orderLineId)],
);

/**
 * The money given back for a return, once: the refund key (refundKey(returnId)) is unique, so
 * a second refund of the same return cannot be written, whatever device or route asks.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    refundKey: text('refund_key').notNull(),
    /** Null for a substitution's refund (0016), which settles no return. */
    returnId: uuid('return_id').references(() => orderReturns.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    storeId: text('store_id').notNull(),
    currency: text('currency').notNull(),
    totalCents: integer('total_cents').notNull(),
    shippingCents: integer('shipping_cents').notNull(),
    /** Per order line: qty, gross, discount share, refund (src/domain/refund.ts RefundLine). */
    lines: jsonb('lines').notNull(),
    /** The payment adapter that paid it and its reference. */
    adapter: text('adapter').notNull(),
    providerRef: text('provider_ref').notNull(),
    payment: jsonb('payment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('refunds_refund_key').on(t.refundKey),
    uniqueIndex('refunds_return_key').on(t.returnId),
    index('refunds_order_idx').on(t.orderId),
  ],
);

/** The built-in "ledger" payment adapter's book: refunds for the back office to pay out. */
export const paymentLedger = pgTable(
  'payment_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind', { enum: ['refund'] }).notNull(),
    orderId: uuid('order_id').notNull(),
    storeId: text('store_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    payment: jsonb('payment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payment_ledger_idempotency_key').on(t.idempotencyKey)],
);

// ---------------------------------------------------------------------------------------------
// Customers at the store (issue 7): the counter kiosk, curbside arrivals, pickup ratings.

/**
 * A device a manager enrolled as the store's counter kiosk. It signs nothing in: it holds a
 * secret (stored hashed here) that lets it check customers in for its store only.
 */
export const kioskDevices = pgTable(
  'kiosk_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    enrolledBy: uuid('enrolled_by')
      .notNull()
      .references(() => associates.id),
    enrolledAt: ts('enrolled_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    lastSeenAt: ts('last_seen_at'),
  },
  (t) => [
    uniqueIndex('kiosk_devices_token_key').on(t.tokenHash),
    index('kiosk_devices_store_idx').on(t.storeId),
  ],
);

/**
 * A one-time code a manager's screen shows as a QR for a kiosk to scan and enroll itself with
 * (issue 14, point 9). The QR carries this row's id, signed with its expiry; the row makes it
 * single use and names the kiosk it became.
 */
export const kioskEnrollmentCodes = pgTable(
  'kiosk_enrollment_codes',
  {
    id: uuid('id').primaryKey(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    name: text('name').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => associates.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    kioskId: uuid('kiosk_id').references(() => kioskDevices.id),
  },
  (t) => [index('kiosk_enrollment_codes_store_idx').on(t.storeId, t.createdAt)],
);

/** A customer who said "I'm here": at the counter kiosk, or in the car outside. */
export const pickupArrivals = pgTable(
  'pickup_arrivals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    kind: text('kind', { enum: ['counter', 'curbside'] }).notNull(),
    kioskId: uuid('kiosk_id').references(() => kioskDevices.id),
    parkingSpot: text('parking_spot'),
    vehicle: text('vehicle'),
    arrivedAt: ts('arrived_at').notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by').references(() => associates.id),
    acknowledgedAt: ts('acknowledged_at'),
    handedOverAt: ts('handed_over_at'),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('pickup_arrivals_store_sync_idx').on(t.storeId, t.syncVersion),
    index('pickup_arrivals_order_idx').on(t.orderId),
  ],
);

/** How the customer rated the pickup, 1 to 5, once per order. */
export const pickupRatings = pgTable(
  'pickup_ratings',
  {
    orderId: uuid('order_id')
      .primaryKey()
      .references(() => orders.id),
    storeId: text('store_id').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    source: text('source', { enum: ['counter', 'curbside'] }).notNull(),
    ratedAt: ts('rated_at').notNull().defaultNow(),
  },
  (t) => [
    check('pickup_ratings_rating_check', sql`${t.rating} between 1 and 5`),
    index('pickup_ratings_store_idx').on(t.storeId, t.ratedAt),
  ],
);

/**
 * The counters of every limiter (src/server/rate-limit), shared by every server process: hits
 * in the window ending at window_ends_at, and for the failure throttles the end of the current
 * growing delay.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowEndsAt: ts('window_ends_at').notNull(),
    blockedUntil: ts('blocked_until'),
  },
  (t) => [index('rate_limits_window_ends_idx').on(t.windowEndsAt)],
);

/** The minimum age a store sets per product category (issue 15): a line of it needs the ID step. */
export const storeCategoryAges = pgTable(
  'store_category_ages',
  {
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    category: text('category').notNull(),
    minimumAge: integer('minimum_age').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.category] }),
    check('store_category_ages_minimum_age_check', sql`${t.minimumAge} BETWEEN 1 AND 99`),
  ],
);
