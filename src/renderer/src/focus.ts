/**
 * Where the focus goes when the element holding it disappears (a dismissed error, a control that
 * is replaced): never to <body>, which would drop a keyboard user at the top of the window.
 */
import { focusPageTitle } from './components/page-title.tsx';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Focuses the last control before `element` on the page (where a keyboard user came from, usually
 * what the element was about); the page's heading when there is none.
 */
export function focusBefore(element: HTMLElement): void {
  const main = element.closest('main') ?? document.body;
  const before = [...main.querySelectorAll<HTMLElement>(FOCUSABLE)]
    .filter((el) => !element.contains(el) && (el.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  const target = before.at(-1);
  if (target) target.focus();
  else focusPageTitle();
}
