import { useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches now, following it as the window changes (a phone turned). For
 * markup that differs by size (the ranking's cards); mere layout stays in CSS.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The phone layout's breakpoint; styles.css uses the same width. */
export const PHONE_QUERY = '(max-width: 640px)';
