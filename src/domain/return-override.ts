import { DomainError } from './domain-error';
import type { ReturnEvaluation, ReturnLineEvaluation } from './return-policy';

/**
 * A manager taking back what policy refuses. The override names the manager and says why, and
 * the evaluation keeps the violations it set aside, so the refund's audit entry shows who allowed
 * a 45-day-old return and on what grounds.
 */
export const returnOverrideErrorCodes = {
  managerRequired: 'returnOverride.managerRequired',
  reasonRequired: 'returnOverride.reasonRequired',
  unknownLine: 'returnOverride.unknownLine',
  /** A targeted line has a violation no one may set aside (quantity, unknown line or reason). */
  notOverridable: 'returnOverride.notOverridable',
} as const;

export interface ReturnOverride {
  managerId: string;
  reason: string;
  /** The order lines to allow; every request line for them is overridden. */
  lineIds: readonly string[];
}

/**
 * The evaluation with the named lines allowed. All or nothing: if any named line has a violation
 * that cannot be overridden, nothing changes and the error lists them, so a manager never
 * believes a line is allowed when it is not. Lines already allowed are left as they are.
 */
export function applyOverride(evaluation: ReturnEvaluation, override: ReturnOverride): ReturnEvaluation {
  const managerId = override.managerId.trim();
  const reason = override.reason.trim();
  if (managerId === '') {
    throw new DomainError(returnOverrideErrorCodes.managerRequired, 'an override needs the manager');
  }
  if (reason === '') {
    throw new DomainError(returnOverrideErrorCodes.reasonRequired, 'an override needs a reason');
  }
  const unknown = override.lineIds.filter((id) => !evaluation.lines.some((l) => l.lineId === id));
  if (unknown.length > 0) {
    throw new DomainError(returnOverrideErrorCodes.unknownLine, 'override names lines not in the return', {
      lineIds: unknown,
    });
  }
  const targeted = (line: ReturnLineEvaluation) => override.lineIds.includes(line.lineId);
  const blocked = evaluation.lines
    .filter(targeted)
    .flatMap((line) =>
      line.violations.filter((v) => !v.overridable).map((v) => ({ lineId: line.lineId, code: v.code })),
    );
  if (blocked.length > 0) {
    throw new DomainError(returnOverrideErrorCodes.notOverridable, 'some violations cannot be overridden', {
      violations: blocked,
    });
  }
  const lines = evaluation.lines.map((line): ReturnLineEvaluation => {
    if (!targeted(line) || line.violations.length === 0) return line;
    return {
      ...line,
      allowed: true,
      violations: [],
      overridden: [...line.overridden, ...line.violations.map((v) => ({ ...v, managerId, reason }))],
    };
  });
  return { lines, allowed: lines.every((l) => l.allowed) };
}
