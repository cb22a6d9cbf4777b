/**
 * A business rule said no. The code is stable: clients switch on it, translations key on it,
 * and the sync log stores it. The message is for developers and logs, not for associates.
 */
export class DomainError<C extends string = string> extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: C,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
