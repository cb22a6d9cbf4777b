import { useMutation } from '@tanstack/react-query';
import { signIn, type SignInInput } from '../../sync/api-client';

export function useSignIn() {
  return useMutation({ mutationFn: (input: SignInInput) => signIn(input) });
}
