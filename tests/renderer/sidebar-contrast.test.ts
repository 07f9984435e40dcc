/** The sidebar's focus ring must be seen: WCAG 2.2 (1.4.11) asks ≥ 3:1 against what surrounds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../src/renderer/src/styles.css'), 'utf8');

function variable(name: string): string {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`--${name} is not a #rrggbb colour in styles.css`);
  return m[1]!;
}

/** Relative luminance (WCAG). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio between two colours (WCAG), 1 to 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('sidebar focus ring', () => {
  it('computes contrast like WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#0b5cad', '#14202e')).toBeCloseTo(2.47, 2); // the old ring on the sidebar: too faint
  });

  it('reaches 3:1 against the sidebar, the hovered and the active item', () => {
    const ring = variable('sidebar-focus');
    for (const bg of ['sidebar-bg', 'sidebar-hover', 'sidebar-active']) expect(contrast(ring, variable(bg)), bg).toBeGreaterThanOrEqual(3);
  });

  it('is the colour the sidebar buttons’ focus outline uses', () => {
    expect(css).toMatch(/\.sidebar button:focus-visible\s*\{[^}]*outline:\s*3px solid var\(--sidebar-focus\)/);
  });
});
