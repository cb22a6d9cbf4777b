import { parseGs1Elements } from './gs1-element-string';
import type { Gs1Element, Gs1Money, ParseGs1Options } from './gs1-element-string';

/** The fields of a GS1 element string the store floor asks about, by name. */
export interface Gs1Fields {
  sscc?: string;
  gtin14?: string;
  /** AI (02): the GTIN of the trade items inside a logistic unit that is not itself traded. */
  contentGtin14?: string;
  batch?: string;
  serial?: string;
  variant?: string;
  productionDate?: string;
  dueDate?: string;
  packagingDate?: string;
  bestBefore?: string;
  sellBy?: string;
  expiry?: string;
  count?: number;
  contentCount?: number;
  netWeightKg?: number;
  netWeightLb?: number;
  grossWeightKg?: number;
  lengthM?: number;
  netVolumeL?: number;
  /** 390n/391n: amount payable (a coupon, an invoice). */
  amountPayable?: Gs1Money;
  /** 392n/393n: the price of a variable-measure trade item. */
  variableItemPrice?: Gs1Money;
  customerPurchaseOrder?: string;
  consignment?: string;
  shipmentId?: string;
  routingCode?: string;
  shipToGln?: string;
  shipToPostalCode?: string;
  countryOfOrigin?: string;
  grai?: string;
  giai?: string;
  paymentSlipReference?: string;
}

export interface Gs1Message extends Gs1Fields {
  symbologyId?: string;
  elements: Gs1Element[];
}

type FieldName = keyof Gs1Fields;

const byAi: Record<string, FieldName> = {
  '00': 'sscc',
  '01': 'gtin14',
  '02': 'contentGtin14',
  '10': 'batch',
  '11': 'productionDate',
  '12': 'dueDate',
  '13': 'packagingDate',
  '15': 'bestBefore',
  '16': 'sellBy',
  '17': 'expiry',
  '20': 'variant',
  '21': 'serial',
  '30': 'count',
  '37': 'contentCount',
  '400': 'customerPurchaseOrder',
  '401': 'consignment',
  '402': 'shipmentId',
  '403': 'routingCode',
  '410': 'shipToGln',
  '420': 'shipToPostalCode',
  '422': 'countryOfOrigin',
  '8003': 'grai',
  '8004': 'giai',
  '8020': 'paymentSlipReference',
};

/** Measures and amounts: the AI without its decimal-point digit. */
const byPrefix: Record<string, FieldName> = {
  '310': 'netWeightKg',
  '320': 'netWeightLb',
  '330': 'grossWeightKg',
  '311': 'lengthM',
  '315': 'netVolumeL',
  '390': 'amountPayable',
  '391': 'amountPayable',
  '392': 'variableItemPrice',
  '393': 'variableItemPrice',
};

function fieldOf(ai: string): FieldName | undefined {
  return byAi[ai] ?? (ai.length === 4 ? byPrefix[ai.slice(0, 3)] : undefined);
}

/**
 * Parses a GS1 element string (see parseGs1Elements) and names its common fields, so a caller
 * reads `message.expiry` instead of searching for AI (17). Every element stays in `elements`.
 */
export function parseGs1Message(text: string, options: ParseGs1Options = {}): Gs1Message {
  const parsed = parseGs1Elements(text, options);
  const message: Gs1Message = { ...parsed };
  const fields = message as Record<FieldName, unknown>;
  for (const element of parsed.elements) {
    const field = fieldOf(element.ai);
    if (field && fields[field] === undefined) fields[field] = element.value;
  }
  return message;
}
