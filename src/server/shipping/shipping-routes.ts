import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import {
  closeManifestBody,
  closeManifestResponse,
  createShipmentBody,
  manifestsQuery,
  manifestsResponse,
  manifestView,
  shipmentResponse,
} from '../../contract/shipping';
import type { Db } from '../db/client';
import type { Guards } from '../plugins/auth';
import { actorOf, principalOf } from '../plugins/auth';
import type { CarrierRegistry } from './carrier-registry';
import { closeDay, getManifest, getManifestPdf, manifestsOfDay } from './manifest-service';
import { createOrderShipment, type ShipmentActor } from './shipment-service';
import { orderLabelsPdf, packingSlipPdf } from './shipping-documents';

const security = [{ bearer: [] }];
const orderParams = z.object({ orderId: z.uuid() });
const manifestParams = z.object({ manifestId: z.uuid() });
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
  503: errorBody,
};

function actor(request: FastifyRequest): ShipmentActor {
  const principal = principalOf(request);
  return { ...actorOf(principal), id: principal.associateId, storeId: principal.storeId };
}

/** A document for the browser to show or print; private to the store, so no shared cache keeps it. */
function sendPdf(reply: FastifyReply, name: string, pdf: Uint8Array) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${name.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
}

/** Ship-from-store: labels, documents and the end-of-day manifest. All need the network. */
export function shippingRoutes(
  app: FastifyInstance,
  db: Db,
  guards: Guards,
  carriers: CarrierRegistry,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/orders/:orderId/shipment',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['shipping'],
        security,
        summary: "Book the label of a packed ship-from-store order with the store's carrier",
        description:
          'One tracking number per package. Idempotent: calling again answers the booked shipment (200, created false). Each package is booked with an idempotency key (order, pack revision, package number) that stays the same across retries; only carrier.unavailable is retried. 409 shipment.inProgress while another call books the same packing. Carrier refusals answer carrier.* codes (docs/carrier-adapters.md).',
        params: orderParams,
        body: createShipmentBody,
        response: { 200: shipmentResponse, 201: shipmentResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await createOrderShipment(
        db,
        carriers,
        actor(request),
        request.params.orderId,
        request.body?.service,
      );
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  r.get(
    '/api/orders/:orderId/labels.pdf',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['shipping'],
        security,
        summary: 'Every package label of the order, 4×6 in, one page each (application/pdf)',
        params: orderParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const { orderNumber, pdf } = await orderLabelsPdf(
        db,
        principalOf(request).storeId,
        request.params.orderId,
      );
      return sendPdf(reply, `labels-${orderNumber}.pdf`, pdf);
    },
  );

  r.get(
    '/api/orders/:orderId/packing-slip.pdf',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['shipping'],
        security,
        summary: "The packing slip of a packed order, A4, in the customer's language (application/pdf)",
        params: orderParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const { orderNumber, pdf } = await packingSlipPdf(
        db,
        principalOf(request).storeId,
        request.params.orderId,
      );
      return sendPdf(reply, `packing-slip-${orderNumber}.pdf`, pdf);
    },
  );

  r.get(
    '/api/shipping/manifests',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['shipping'],
        security,
        summary: "The day's manifests, and what closing the day would put on one",
        querystring: manifestsQuery,
        response: { 200: manifestsResponse, ...errors },
      },
    },
    (request) => manifestsOfDay(db, principalOf(request).storeId, request.query.date),
  );

  r.post(
    '/api/shipping/manifests',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['shipping'],
        security,
        summary: "Close the store's day: shipped parcels not yet on a manifest go on one per carrier",
        description:
          '409 carrier.nothingToClose when no shipped parcel waits. Closing the same parcels again gives the same carrier manifest id.',
        body: closeManifestBody,
        response: { 201: closeManifestResponse, ...errors },
      },
    },
    async (request, reply) => {
      const closed = await closeDay(db, carriers, actor(request), request.body?.language ?? 'it');
      return reply.status(201).send({ manifests: closed });
    },
  );

  r.get(
    '/api/shipping/manifests/:manifestId.pdf',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['shipping'],
        security,
        summary: 'The manifest for the driver to sign, A4 (application/pdf)',
        params: manifestParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const { carrierManifestId, pdf } = await getManifestPdf(
        db,
        principalOf(request).storeId,
        request.params.manifestId,
      );
      return sendPdf(reply, `manifest-${carrierManifestId}.pdf`, pdf);
    },
  );

  r.get(
    '/api/shipping/manifests/:manifestId',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['shipping'],
        security,
        summary: 'One manifest with a row per package',
        params: manifestParams,
        response: { 200: manifestView, ...errors },
      },
    },
    (request) => getManifest(db, principalOf(request).storeId, request.params.manifestId),
  );
}
