import { describe, expect, it } from 'vitest';
import { fitSize, type TextMeasure, truncateText, wrapText } from './page-layout';

// Every character half the font size wide: easy sums.
const measure: TextMeasure = (text, size) => [...text].length * size * 0.5;

describe('text fitting', () => {
  it('truncates with an ellipsis only when the text is too wide', () => {
    expect(truncateText(measure, 'Via Roma', 10, 'regular', 40)).toBe('Via Roma');
    expect(truncateText(measure, 'Via Garibaldi', 10, 'regular', 40)).toBe('Via Gar…');
  });

  it('wraps at spaces and marks text left over after the last line', () => {
    expect(wrapText(measure, 'Piazza della Città 3', 10, 'regular', 60, 3)).toEqual([
      'Piazza della',
      'Città 3',
    ]);
    const [first, second] = wrapText(measure, 'uno due tre quattro cinque', 10, 'regular', 40, 2);
    expect(first).toBe('uno due');
    expect(second?.endsWith('…')).toBe(true);
  });

  it('shrinks a size down to the minimum, never below', () => {
    expect(fitSize(measure, 'ABCDEFGHIJ', 16, 8, 'bold', 60)).toBe(12);
    expect(fitSize(measure, 'ABCDEFGHIJ', 16, 8, 'bold', 10)).toBe(8);
  });
});
