import { useLayoutEffect, useState, type RefObject } from 'react';
import { pageCapacity } from './board-paging';

/**
 * How many entries fit the list's area: measured from the area and from a hidden sample entry
 * (its size follows the screen, through the board's viewport-relative type), again whenever
 * either changes size: a TV, a tablet turned on its side, a browser window resized.
 */
export function useFit(
  area: RefObject<HTMLElement | null>,
  sample: RefObject<HTMLElement | null>,
): { columns: number; rows: number } {
  const [fit, setFit] = useState({ columns: 1, rows: 1 });
  useLayoutEffect(() => {
    const list = area.current;
    const cell = sample.current;
    if (!list || !cell) return;
    const measure = () => {
      const style = getComputedStyle(list);
      const gap = Number.parseFloat(style.rowGap) || 0;
      const next = pageCapacity(
        { width: list.clientWidth, height: list.clientHeight },
        { width: cell.offsetWidth, height: cell.offsetHeight },
        gap,
      );
      setFit((current) => (current.columns === next.columns && current.rows === next.rows ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    observer.observe(cell);
    return () => observer.disconnect();
  }, [area, sample]);
  return fit;
}
