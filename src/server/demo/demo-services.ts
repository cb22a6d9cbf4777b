import type { CommandServices } from '../core/command-facts';
import { returnServices } from '../returns/returns-runtime';

/**
 * What the demo's commands need of the server, as a device's push gets it: staging an order with
 * a removed item or a settled substitute refunds it through the payment adapter (ADR 0046), so
 * the demo's history pays its refunds like a store's would.
 */
export const demoServices: CommandServices = { returns: returnServices() };
