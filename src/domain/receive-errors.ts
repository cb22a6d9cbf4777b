/** Why a ship-to-store parcel was refused at the door (kept apart from the parcel parser, which is large). */
export const receiveErrorCodes = {
  wrongParcel: 'receive.wrongParcel',
  badInboundTracking: 'receive.badInboundTracking',
} as const;
