import type { ReactNode } from 'react';

/**
 * A wide table's own scrolling box (SPEC §16): on a phone the table scrolls inside it and the page
 * does not. The box is a labelled region a keyboard can focus, so it can be scrolled with the
 * arrow keys and a screen reader says what it holds (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function TableRegion({ label, tall = false, className, children }: { label: string; tall?: boolean; className?: string; children: ReactNode }) {
  const classes = ['table-scroll', tall ? 'table-tall' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
