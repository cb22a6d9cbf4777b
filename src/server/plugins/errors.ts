import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, FieldError } from '../../contract/error-body';
import { requestErrorCodes } from '../../contract/error-codes';
import { isDomainError } from '../../domain/domain-error';
import { HttpError } from '../http-error';

/**
 * Domain codes answered with something other than 422. A broken rule about the request's
 * content is 422; a clash with the current state of the world is 409.
 */
const domainStatus: Record<string, number> = {
  'order.notFound': 404,
  'order.illegalTransition': 409,
  'order.notForFulfillmentType': 409,
  'order.claimedByOther': 409,
  'order.notClaimedByYou': 409,
  'order.duplicateMismatch': 409,
  'stock.insufficient': 409,
  'pack.alreadyLabelled': 409,
  'ship.noLabel': 409,
  'staging.shelfFull': 409,
  'substitution.answerPending': 409,
  'substitution.notPending': 409,
  'substitution.alreadySubstituted': 409,
  'handover.tooManyTries': 429,
  'handover.nothingStaged': 409,
  'handover.exceedsStaged': 409,
  'idCheck.required': 409,
  'idCheck.notRequired': 409,
};

const fastifyCodes: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: requestErrorCodes.unsupportedMediaType },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: requestErrorCodes.tooLarge },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: requestErrorCodes.invalid },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: requestErrorCodes.invalid },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: requestErrorCodes.invalid },
};

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json').send(body);
}

function toFieldErrors(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((issue) => {
    const where = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const context = error.validationContext ?? 'body';
    return { path: where ? `${context}.${where}` : context, message: issue.message ?? 'is invalid' };
  });
}

/**
 * Fastify's own refusals before any route runs (a bad percent-encoding, a path parameter longer
 * than any real one), in the same error body as every other error. The path is not echoed back.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(reply, 414, {
      code: requestErrorCodes.uriTooLong,
      message: 'A part of the address is longer than any this server answers',
    });
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return send(reply, 400, {
      code: requestErrorCodes.invalid,
      message: 'The address holds a percent-encoding that is not valid UTF-8',
    });
  }
  return send(reply, 400, { code: requestErrorCodes.invalid, message: 'The request could not be routed' });
}

/** One error body for every failure; the details of a 5xx stay in the log. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = toFieldErrors(error);
      return send(reply, 400, {
        code: requestErrorCodes.invalid,
        message: `Invalid request: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
        details: { fields },
      });
    }
    if (isDomainError(error)) {
      return send(reply, domainStatus[error.code] ?? 422, {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    }
    if (error instanceof HttpError) {
      return send(reply, error.statusCode, {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return send(reply, known.status, { code: known.code, message: error.message });
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      if (error.statusCode === 429) {
        return send(reply, 429, { code: 'request.rateLimited', message: error.message });
      }
      return send(reply, error.statusCode, { code: requestErrorCodes.invalid, message: error.message });
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return send(reply, 500, {
      code: requestErrorCodes.internal,
      message: 'Something went wrong on the server. Try again; if it persists, tell your manager.',
    });
  });
}
