import { useMutation } from '@tanstack/react-query';
import { signIn, type SignInInput } from '../../sync/api-client';

export function useSignIn() {
  // 'always': offline, the request fails at once and says so; TanStack Query's default would
  // pause the mutation until the network is back, leaving "Signing in…" up for as long.
  return useMutation({ mutationFn: (input: SignInInput) => signIn(input), networkMode: 'always' });
}
