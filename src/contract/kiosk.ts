import { z } from 'zod';
import { orderStatuses } from '../domain/order-machine';
import { checkInOutcomes, enrollmentCodeStates } from './kiosk-codes';

/** An enrolled counter kiosk or board, as managers see it; the secret is never listed. */
export const kioskDevice = z
  .object({
    id: z.string(),
    name: z.string(),
    enrolledAt: z.string(),
    enrolledBy: z.object({ id: z.string(), name: z.string() }),
    revokedAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'KioskDevice' });
export type KioskDevice = z.infer<typeof kioskDevice>;

export const enrollKioskBody = z
  .object({ name: z.string().trim().min(1).max(60).describe('Where it stands, e.g. "Counter 1"') })
  .meta({ id: 'EnrollKioskBody' });
export type EnrollKioskBody = z.infer<typeof enrollKioskBody>;

export const enrolledKiosk = z
  .object({
    kiosk: kioskDevice,
    secret: z.string().describe('Shown once: the device sends it as "Authorization: Kiosk <secret>"'),
  })
  .meta({ id: 'EnrolledKiosk' });
export type EnrolledKiosk = z.infer<typeof enrolledKiosk>;

export const kioskList = z.object({ kiosks: z.array(kioskDevice) }).meta({ id: 'KioskList' });
export type KioskList = z.infer<typeof kioskList>;

/** What an enrolled device learns about itself. */
export const kioskSelf = z
  .object({ id: z.string(), name: z.string(), store: z.object({ id: z.string(), name: z.string() }) })
  .meta({ id: 'KioskSelf' });
export type KioskSelf = z.infer<typeof kioskSelf>;

/** A one-time code the manager's screen shows as a QR; the kiosk scans it to enroll. */
export const enrollmentCode = z
  .object({
    id: z.string(),
    name: z.string(),
    text: z.string().describe('What the QR holds: AISLE:KIOSK:1:<signed code>'),
    expiresAt: z.string(),
  })
  .meta({ id: 'KioskEnrollmentCode' });
export type EnrollmentCode = z.infer<typeof enrollmentCode>;

export const enrollmentCodeStatus = z
  .object({
    id: z.string(),
    state: z.enum(enrollmentCodeStates),
    expiresAt: z.string(),
    kiosk: kioskDevice.nullable().describe('The kiosk the code became, once used'),
  })
  .meta({ id: 'KioskEnrollmentCodeStatus' });
export type EnrollmentCodeStatus = z.infer<typeof enrollmentCodeStatus>;

export const kioskEnrollBody = z
  .object({ code: z.string().trim().min(1).max(200).describe('The scanned enrollment QR text') })
  .meta({ id: 'KioskEnrollBody' });
export type KioskEnrollBody = z.infer<typeof kioskEnrollBody>;

export const kioskEnrolled = z
  .object({
    kiosk: kioskSelf,
    secret: z.string().describe('Kept by the device, sent as "Authorization: Kiosk <secret>"'),
  })
  .meta({ id: 'KioskEnrolled' });
export type KioskEnrolled = z.infer<typeof kioskEnrolled>;

export const checkInBody = z
  .union([
    z.object({ pass: z.string().trim().min(1).max(512).describe('The scanned pickup pass text') }),
    z.object({
      orderNumber: z.string().trim().min(1).max(32),
      pickupCode: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'six digits'),
    }),
  ])
  .meta({ id: 'CheckInBody' });
export type CheckInBody = z.infer<typeof checkInBody>;

/** Privacy-safe: what a screen in a public place may show about an order. */
export const kioskOrderView = z
  .object({
    orderId: z.string(),
    maskedNumber: z.string().describe('Only the last 3 characters, e.g. "•••042"'),
    customer: z.string().describe('First name and initial, e.g. "Chiara T."'),
    status: z.enum(orderStatuses),
    rated: z.boolean(),
  })
  .meta({ id: 'KioskOrderView' });
export type KioskOrderView = z.infer<typeof kioskOrderView>;

export const checkInResult = z
  .object({ outcome: z.enum(checkInOutcomes), order: kioskOrderView })
  .meta({ id: 'CheckInResult' });
export type CheckInResult = z.infer<typeof checkInResult>;

export const ratingBody = z
  .object({
    orderId: z.uuid(),
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'RatingBody' });
export type RatingBody = z.infer<typeof ratingBody>;

export const boardEntry = z
  .object({
    key: z.string().describe('Stable for the screen, not the order id'),
    label: z.string().describe('Last 3 of the order number and the first-name initial, e.g. "042 · C."'),
  })
  .meta({ id: 'BoardEntry' });
export type BoardEntry = z.infer<typeof boardEntry>;

export const boardResponse = z
  .object({ preparing: z.array(boardEntry), ready: z.array(boardEntry), serverTime: z.string() })
  .meta({ id: 'BoardResponse' });
export type BoardResponse = z.infer<typeof boardResponse>;
