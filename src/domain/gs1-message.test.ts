import { describe, expect, it } from 'vitest';
import { GS } from './gs1-element-string';
import { parseGs1Message } from './gs1-message';

const year = { referenceYear: 2025 };

describe('parseGs1Message', () => {
  it('names the fields of a pharmacy-style DataMatrix', () => {
    const message = parseGs1Message(`]d2010950600013435217260500${'10ABC123'}${GS}21XYZ789`, year);
    expect(message).toMatchObject({
      symbologyId: ']d2',
      gtin14: '09506000134352',
      expiry: '2026-05-31',
      batch: 'ABC123',
      serial: 'XYZ789',
    });
    expect(message.elements).toHaveLength(4);
  });

  it('names the fields of a pallet label: SSCC, content, count, weight, best before', () => {
    const message = parseGs1Message(
      `]C100006141411234567890${'0210614141007346'}${'3712'}${GS}${'3302000425'}15260131`,
      year,
    );
    expect(message).toMatchObject({
      sscc: '006141411234567890',
      contentGtin14: '10614141007346',
      contentCount: 12,
      grossWeightKg: 4.25,
      bestBefore: '2026-01-31',
    });
    expect(message.gtin14).toBeUndefined();
  });

  it('names the net weight and price of a variable-measure trade item', () => {
    expect(parseGs1Message('(01)95012345678903(3103)000123(3922)0349', year)).toMatchObject({
      gtin14: '95012345678903',
      netWeightKg: 0.123,
      variableItemPrice: { amount: 3.49, currency: null },
    });
    expect(parseGs1Message('(01)95012345678903(3203)002205', year)).toMatchObject({ netWeightLb: 2.205 });
  });

  it('names shipping fields: order, ship-to GLN and postcode, origin, payment slip', () => {
    expect(
      parseGs1Message(
        '(400)PO-2025-118(410)0614141000005(420)20121(422)380(3911)9781999(8020)RF18539007547034',
        year,
      ),
    ).toMatchObject({
      customerPurchaseOrder: 'PO-2025-118',
      shipToGln: '0614141000005',
      shipToPostalCode: '20121',
      countryOfOrigin: '380',
      amountPayable: { amount: 199.9, currency: 'EUR', currencyNumeric: '978' },
      paymentSlipReference: 'RF18539007547034',
    });
  });

  it('leaves fields without an element undefined', () => {
    const message = parseGs1Message('(01)09506000134352', year);
    expect(message.batch).toBeUndefined();
    expect(message.expiry).toBeUndefined();
    expect(Object.keys(message).sort()).toEqual(['elements', 'gtin14']);
  });
});
