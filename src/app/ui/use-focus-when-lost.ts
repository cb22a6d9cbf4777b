import { useEffect, useRef } from 'react';

/**
 * Focus for what replaces a finished step: when the control that had focus went away with the
 * step (focus fell to <body>), the new element takes it, so a keyboard or screen-reader user
 * goes on from there. Focus that is somewhere useful is left alone.
 */
export function useFocusWhenLost<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}
