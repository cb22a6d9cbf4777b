import { clientErrorCodes } from '../contract/device-error-codes';
/** Codes the client itself produces, next to the server's error codes. */
export { clientErrorCodes };

/**
 * A failed API call, always with a stable code: the server's `code`, or a client code when
 * the network or the response itself failed. Screens translate `code`, never `message`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the `{code, message, details?}` error body, tolerating proxies that answer HTML. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isRecord(body) && typeof body.code === 'string') {
    const message = typeof body.message === 'string' ? body.message : body.code;
    const details = isRecord(body.details) ? body.details : undefined;
    return new ApiError(response.status, body.code, message, details);
  }
  const code = response.status >= 500 ? 'server.unavailable' : clientErrorCodes.unexpected;
  return new ApiError(response.status, code, `HTTP ${response.status} ${response.statusText}`);
}
