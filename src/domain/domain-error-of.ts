import type { DomainError } from './domain-error';
import { isDomainError } from './domain-error';

/** For tests: runs fn, expecting a DomainError, and returns it so its code and details can be checked. */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
