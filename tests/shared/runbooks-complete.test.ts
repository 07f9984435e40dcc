/**
 * Every runbook against the guide (issue 10): each section of the guide that holds steps is referenced
 * by a step of its procedure (the list is a committed fixture copied from the guide's headings, which
 * lie outside the repository); ids are unique; gates point backwards; every procedure of the design is there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNBOOKS } from '../../src/shared/runbooks/index.ts';
import { PROCEDURE_IDS } from '../../src/shared/runbooks/types.ts';

const sections = JSON.parse(readFileSync('tests/fixtures/guide-sections.json', 'utf8')) as Record<string, string[] | string>;

describe('runbook definitions', () => {
  it('cover every procedure of the design, each under its own id', () => {
    expect(Object.keys(RUNBOOKS).sort()).toEqual([...PROCEDURE_IDS].sort());
    for (const id of PROCEDURE_IDS) expect(RUNBOOKS[id].id).toBe(id);
  });

  it.each(PROCEDURE_IDS)('%s references every guide section that holds its steps', (id) => {
    const refs = new Set(RUNBOOKS[id].sections.flatMap((s) => s.steps.map((st) => st.guideRef)));
    for (const heading of sections[id] as string[]) expect(refs.has(heading), `${id} misses "${heading}"`).toBe(true);
  });

  it.each(PROCEDURE_IDS)('%s: unique ids, gates on earlier steps only, texts in both languages', (id) => {
    const steps = RUNBOOKS[id].sections.flatMap((s) => s.steps);
    const seen = new Set<string>();
    for (const step of steps) {
      for (const r of step.requires) expect(seen.has(r), `${id}/${step.id} requires ${r}, not an earlier step`).toBe(true);
      expect(seen.has(step.id), `${id}/${step.id} twice`).toBe(false);
      seen.add(step.id);
      for (const t of [step.title, step.text]) expect(t.de.trim() !== '' && t.en.trim() !== '' && t.de !== t.en, `${id}/${step.id}`).toBe(true);
      if (step.kind === 'wait') expect(step.waitHours, `${id}/${step.id}`).toBeGreaterThan(0);
    }
  });
});
