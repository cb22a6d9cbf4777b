import type { SubstitutionView } from '../contract/substitutions';
import { callPublic } from './curbside-api';

/** The customer's substitution page: the offer a signed link names, and the answer to it. */
export const readSubstitution = (token: string) =>
  callPublic<SubstitutionView>(`/api/substitutions/${encodeURIComponent(token)}`);

export const answerSubstitution = (token: string, accept: boolean) =>
  callPublic<SubstitutionView>(`/api/substitutions/${encodeURIComponent(token)}/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accept }),
  });
