import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/error-body';
import { requestErrorCodes } from '../../contract/error-codes';
import { substitutionDecisionBody, substitutionParams, substitutionView } from '../../contract/substitutions';
import type { Db } from '../db/client';
import { HttpError } from '../http-error';
import { decideSubstitution, substitutionView as loadView } from './substitution-service';
import { verifySubstitutionToken } from './substitution-token';

const tags = ['substitutions'];
const TOO_MANY = 'Too many tries. Wait a little, then try again.';

/**
 * The customer's substitution page (issue 15): public, no sign-in, like the curbside page. The
 * signed link in the e-mail and text is the only credential; it names one order line. Limits
 * count per link, with the curbside page's budgets.
 */
export function substitutionRoutes(app: FastifyInstance, db: Db, key: Buffer): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const lineOf = (token: string) => {
    const check = verifySubstitutionToken(key, token);
    if (check.ok) return check.id;
    if (check.why === 'expired') throw new HttpError(410, 'curbside.expired', 'This link has expired.');
    throw new HttpError(404, 'curbside.notFound', 'This link does not name a substitution.');
  };
  const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 429: errorBody };

  r.get(
    '/api/substitutions/:token',
    {
      schema: {
        tags,
        summary: 'The substitute a link offers: both products, the price difference and the answer so far',
        params: substitutionParams,
        response: { 200: substitutionView, ...errors },
      },
    },
    async (request, reply) => {
      const lineId = lineOf(request.params.token);
      await app.limits.curbsideRead.take(`substitution:${lineId}`, requestErrorCodes.rateLimited, TOO_MANY);
      reply.header('cache-control', 'no-store');
      return loadView(db, lineId);
    },
  );

  r.post(
    '/api/substitutions/:token/decision',
    {
      bodyLimit: 1024,
      schema: {
        tags,
        summary: "The customer's answer: accept the substitute, or decline it (removed and refunded)",
        description:
          'Answered once, before the deadline: a second answer, or one after the deadline (then it counts as declined), is 409 substitution.notPending.',
        params: substitutionParams,
        body: substitutionDecisionBody,
        response: { 200: substitutionView, ...errors },
      },
    },
    async (request) => {
      const lineId = lineOf(request.params.token);
      await app.limits.curbsideArrive.take(`substitution:${lineId}`, requestErrorCodes.rateLimited, TOO_MANY);
      return decideSubstitution(db, lineId, request.body.accept);
    },
  );
}
