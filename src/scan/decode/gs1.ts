/**
 * AIM symbology identifiers that announce GS1 element strings (FNC1 in first position):
 * GS1-128 "]C1", GS1 DataMatrix "]d2" (with ECI "]d5"), GS1 QR "]Q3" (with ECI "]Q4").
 */
const gs1Identifiers = new Set([']C1', ']d2', ']d5', ']Q3', ']Q4']);

export function isGs1SymbologyIdentifier(identifier: string | undefined): boolean {
  return identifier !== undefined && gs1Identifiers.has(identifier);
}

/** The ASCII 29 group separator GS1 uses between variable-length element strings. */
export const groupSeparator = '\u001d';
