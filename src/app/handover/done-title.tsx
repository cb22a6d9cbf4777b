import type { ReactNode } from 'react';
import { useFocusWhenLost } from '../ui/use-focus-when-lost';

/** The heading of a finished step ("Ready for pickup at …"): it takes focus the field had. */
export function DoneTitle({ children }: { children: ReactNode }) {
  const ref = useFocusWhenLost<HTMLHeadingElement>();
  return (
    <h2 ref={ref} tabIndex={-1} className="done-panel__title">
      {children}
    </h2>
  );
}
