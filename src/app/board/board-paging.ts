/**
 * The board shows as many entries as fit its screen, a page at a time, and turns the page on a
 * timer: no screen (a 1080p TV, a tablet) ever scrolls, and a long list is still shown in full.
 */

export interface Size {
  width: number;
  height: number;
}

/** How many entries fit in the list's area: whole cells only, at least one. */
export function pageCapacity(area: Size, cell: Size, gap: number): { columns: number; rows: number } {
  const fit = (room: number, size: number) => (size <= 0 ? 1 : Math.floor((room + gap) / (size + gap)));
  return {
    columns: Math.max(1, fit(area.width, cell.width)),
    rows: Math.max(1, fit(area.height, cell.height)),
  };
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, perPage)));
}

/**
 * The entries of the page the board's clock points at. `tick` only ever grows; each list wraps
 * on its own page count, so a list that shrank between two polls never shows an empty page.
 */
export function pageAt<T>(
  items: readonly T[],
  perPage: number,
  tick: number,
): { items: T[]; page: number; pages: number } {
  const size = Math.max(1, perPage);
  const pages = pageCount(items.length, size);
  const page = ((tick % pages) + pages) % pages;
  return { items: items.slice(page * size, (page + 1) * size), page, pages };
}
