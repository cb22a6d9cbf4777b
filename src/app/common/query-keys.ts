/** Keys shared by several features: one feature's write refreshes another's read. */
export const queryKeys = {
  queue: ['queue'] as const,
  order: (id: string) => ['order', id] as const,
};
