/**
 * The GS1 mod-10 check digit for the digits that precede it: weights 3 and 1 alternate
 * from the right, so the same function serves every GTIN length, the SSCC, the GLN and the
 * GSIN (GS1 General Specifications 7.9.1).
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of an all-digit string is the GS1 check digit of the others. */
export function hasValidGs1CheckDigit(code: string): boolean {
  return /^\d{2,}$/.test(code) && gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}
