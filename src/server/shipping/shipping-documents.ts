import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import { orderErrorCodes as transitionCodes } from '../../domain/order-machine';
import { shipErrorCodes, type PackedPackage } from '../../domain/packing';
import type { Executor } from '../db/client';
import { orderLines, orders, products } from '../db/schema';
import { iso } from '../db/time';
import { renderPackingSlip } from './packing-slip';
import type { PostalAddress } from './postal-address';
import { findShipment, loadLabels } from './shipment-repository';
import { renderShippingLabel } from './shipping-label';
import { loadShippingStore } from './store-address';

/*
 * The documents of one order, drawn on request: the 4×6 labels of its packages in one PDF (the
 * carrier's own, kept as booked, or drawn by Aisle from the carrier's barcode data) and the
 * packing slip in the customer's language. Same order, same bytes: a reprint is identical.
 */

async function loadOrder(db: Executor, storeId: string, orderId: string) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.storeId, storeId)));
  if (!order) throw new DomainError(orderErrorCodes.notFound, 'No such order in this store', { orderId });
  return order;
}

async function bookedShipment(db: Executor, order: typeof orders.$inferSelect) {
  const shipment = await findShipment(db, order.id, order.packRevision);
  if (shipment?.status !== 'booked') {
    throw new DomainError(shipErrorCodes.noLabel, 'This order has no label yet', { orderId: order.id });
  }
  return shipment;
}

export interface OrderDocument {
  orderNumber: string;
  pdf: Uint8Array;
}

/** Every package label of the order's booked shipment, one 4×6 page each, in package order. */
export async function orderLabelsPdf(db: Executor, storeId: string, orderId: string): Promise<OrderDocument> {
  const order = await loadOrder(db, storeId, orderId);
  const shipment = await bookedShipment(db, order);
  const labels = await loadLabels(db, shipment.id);
  const from = (await loadShippingStore(db, storeId)).address;
  const bundle = await PDFDocument.create({ updateMetadata: false });
  bundle.setTitle(`Labels ${order.number}`);
  for (const label of labels) {
    const pdf =
      label.labelKind === 'pdf' && label.labelPdf
        ? label.labelPdf
        : await renderShippingLabel({
            carrierName: shipment.carrierName,
            serviceName: shipment.serviceName,
            trackingNumber: label.trackingNumber,
            ...(label.labelBarcode ? { barcode: label.labelBarcode } : {}),
            ...(label.routingCode ? { routingCode: label.routingCode } : {}),
            orderNumber: order.number,
            packageNumber: label.packageNumber,
            packageCount: labels.length,
            weightGrams: label.weightGrams,
            shipDate: shipment.shipDate,
            from,
            to: shipment.recipient as PostalAddress,
          });
    const source = await PDFDocument.load(pdf, { updateMetadata: false });
    for (const page of await bundle.copyPages(source, source.getPageIndices())) bundle.addPage(page);
  }
  return { orderNumber: order.number, pdf: await bundle.save() };
}

/** The slip that goes in the box: what was ordered and packed, the packages, their tracking. */
export async function packingSlipPdf(db: Executor, storeId: string, orderId: string): Promise<OrderDocument> {
  const order = await loadOrder(db, storeId, orderId);
  if (order.status !== 'packed' && order.status !== 'shipped') {
    throw new DomainError(transitionCodes.illegalTransition, 'Pack the order before printing its slip', {
      event: 'packingSlip',
      from: order.status,
      allowedFrom: ['packed', 'shipped'],
    });
  }
  const shipment = await findShipment(db, order.id, order.packRevision);
  const tracking = new Map(
    shipment?.status === 'booked'
      ? (await loadLabels(db, shipment.id)).map((l) => [l.packageNumber, l.trackingNumber])
      : [],
  );
  const lines = await db
    .select({ line: orderLines, product: products })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(orderLines.lineNo);
  const language = order.customerLanguage === 'en' ? 'en' : 'it';
  const pdf = await renderPackingSlip({
    language,
    orderNumber: order.number,
    orderDate: iso(order.placedAt).slice(0, 10),
    customerName: order.customerName,
    shipTo: order.shippingAddress as PostalAddress,
    from: (await loadShippingStore(db, storeId)).address,
    lines: lines.map(({ line, product }) => ({
      sku: product.sku,
      name: [
        language === 'en' ? product.nameEn : product.nameIt,
        language === 'en' ? product.colorEn : product.colorIt,
        product.size,
      ].join(', '),
      qtyOrdered: line.qtyOrdered,
      qtyPacked: line.qtyPicked,
    })),
    packages: ((order.packages ?? []) as PackedPackage[]).map((pkg) => ({
      packageNumber: pkg.packageNumber,
      type: pkg.type,
      weightGrams: pkg.weightGrams,
      ...(tracking.has(pkg.packageNumber) ? { trackingNumber: tracking.get(pkg.packageNumber) } : {}),
    })),
  });
  return { orderNumber: order.number, pdf };
}
