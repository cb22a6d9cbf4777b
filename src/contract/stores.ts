import { z } from 'zod';

export const storeSummary = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
});
export type StoreSummary = z.infer<typeof storeSummary>;

export const stagingLocation = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.enum(['shelf', 'locker', 'curbside']),
  /** Orders it holds at once: one for a shelf, several for a locker (src/domain/shelf.ts). */
  capacity: z.number().int().min(1),
});
export type StagingLocation = z.infer<typeof stagingLocation>;
