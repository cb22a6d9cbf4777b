/*
 * The check digit some in-store variable-measure codes carry for their price or weight field,
 * so a misread value digit is caught even though the EAN-13 check digit happens to pass
 * (GS1 General Specifications 7.9.2–7.9.4). Each position has its own weighting table; the
 * names are GS1's: "2-" is the product's units minus its tens, "5+" units plus tens, "5-"
 * units minus tens (mod 10), "3" the units of the product.
 */
const twoMinus = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7] as const;
const three = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7] as const;
const fivePlus = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9] as const;
const fiveMinus = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1] as const;

const fourDigitWeights = [twoMinus, twoMinus, three, fiveMinus] as const;
const fiveDigitWeights = [fivePlus, twoMinus, fiveMinus, fivePlus, twoMinus] as const;

function weightedSum(value: string, weights: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]?.[value.charCodeAt(i) - 48] ?? 0;
  return sum;
}

/**
 * The check digit of a 4- or 5-digit price/weight field. 4 digits: the weighted sum times 3,
 * units digit. 5 digits: the digit whose "5-" product equals the sum's complement to ten.
 */
export function priceCheckDigit(value: string): number {
  if (!/^\d{4,5}$/.test(value)) throw new RangeError(`A price check digit covers 4 or 5 digits: ${value}`);
  if (value.length === 4) return (weightedSum(value, fourDigitWeights) * 3) % 10;
  const complement = (10 - (weightedSum(value, fiveDigitWeights) % 10)) % 10;
  return fiveMinus.indexOf(complement as (typeof fiveMinus)[number]);
}
