import type { ErrorCode } from '../contract/error-catalogue';

/** An error the server raises on purpose, with the status and stable code the client sees. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
