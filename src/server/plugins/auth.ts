import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../contract/auth';
import { authErrorCodes } from '../../contract/error-codes';
import type { Actor } from '../audit/audit';
import type { SessionGate } from '../core/session-gate';
import type { Principal, TokenService } from '../core/tokens';
import { HttpError } from '../http-error';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function actorOf(principal: Principal): Actor {
  return {
    type: 'associate',
    id: principal.associateId,
    storeId: principal.storeId,
    deviceId: principal.deviceId,
  };
}

/** The signed-in associate of a route guarded by `requireAssociate`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, authErrorCodes.missingToken, 'Sign in first');
  return request.principal;
}

export type Guard = (request: FastifyRequest) => Promise<void>;

export interface Guards {
  requireAssociate: Guard;
  requireManager: Guard;
}

export function registerAuth(app: FastifyInstance, tokens: TokenService, sessions: SessionGate): Guards {
  app.decorateRequest('principal', null);

  const authenticate = async (request: FastifyRequest, roles: readonly Role[]) => {
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1])
      throw new HttpError(401, authErrorCodes.missingToken, 'Send an access token: Authorization: Bearer …');
    const principal = await tokens.verifyAccess(match[1]);
    await sessions.check(principal);
    if (!roles.includes(principal.role)) {
      throw new HttpError(403, authErrorCodes.forbidden, 'Your role may not do this', {
        role: principal.role,
      });
    }
    request.principal = principal;
  };

  return {
    requireAssociate: (request) => authenticate(request, ['associate', 'manager']),
    requireManager: (request) => authenticate(request, ['manager']),
  };
}
