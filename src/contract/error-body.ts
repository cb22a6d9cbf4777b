import { z } from 'zod';

/** The one error body every 4xx and 5xx carries. Clients switch on `code`, never on `message`. */
export const errorBody = z
  .object({
    code: z.string().describe('Stable, dotted error code, e.g. "auth.badCredentials"'),
    message: z.string().describe('What went wrong, for developers and logs'),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Machine-readable specifics, e.g. the fields that failed validation'),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof errorBody>;

/** One entry per invalid field, as listed in `details.fields` of a `request.invalid` error. */
export interface FieldError {
  path: string;
  message: string;
}
