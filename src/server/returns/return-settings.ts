import { DEFAULT_SHIPPING_RULE, type ShippingRefundRule } from '../../domain/refund';
import { defaultReturnPolicy, type ReturnPolicy } from '../../domain/return-policy';

/**
 * The chain's return policy and shipping-refund rule, in one place: the server's check on
 * `return.submit` and GET /api/returns/settings (what the counter checks offline) read the
 * same values, so a device and the server never disagree about the rules themselves.
 */
export function returnPolicyConfig(): { policy: ReturnPolicy; shippingRule: ShippingRefundRule } {
  return { policy: defaultReturnPolicy, shippingRule: DEFAULT_SHIPPING_RULE };
}
