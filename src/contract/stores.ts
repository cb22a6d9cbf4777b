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
});
export type StagingLocation = z.infer<typeof stagingLocation>;
