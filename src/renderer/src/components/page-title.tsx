/**
 * A page's heading: the target of "skip to content" and where focus goes after a page changes, so a
 * keyboard or screen-reader user lands on the new content instead of the sidebar.
 */
import { useEffect, useRef, type ReactNode } from 'react';

/** Moves focus to the current page's heading (after navigating or a change of what the page shows). */
export function focusPageTitle(): void {
  document.getElementById('page-title')?.focus();
}

/** The page's `h1`; takes the focus when it appears if `focusOnMount` (the app sets it after navigation). */
export function PageTitle({ children, focusOnMount = false }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (focusOnMount) ref.current?.focus(); }, [focusOnMount]);
  return <h1 id="page-title" tabIndex={-1} ref={ref}>{children}</h1>;
}
