import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

interface StyleProps {
  variant?: ButtonVariant;
  /** "lg" is the one-handed main action of a screen: full width, 56 px tall. */
  size?: 'md' | 'lg';
}

function classes({ variant = 'secondary', size = 'md' }: StyleProps, extra?: string): string {
  return ['btn', `btn--${variant}`, size === 'lg' ? 'btn--lg' : '', extra ?? ''].filter(Boolean).join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, StyleProps {
  busy?: boolean;
  children: ReactNode;
  /** React 19 passes a ref as a prop: focus can come back to the button after a dialog. */
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant,
  size,
  busy,
  className,
  type = 'button',
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classes({ variant, size }, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {children}
    </button>
  );
}

export function ButtonLink({ variant, size, className, ...rest }: LinkProps & StyleProps) {
  return <Link {...rest} className={classes({ variant, size }, className)} />;
}
