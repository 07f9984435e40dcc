import { describe, expect, it } from 'vitest';
import { FerryError, toErrorData } from '../../src/shared/errors.ts';

describe('toErrorData (the one normaliser for IPC, jobs and the CLI)', () => {
  it('keeps a FerryError’s code, message and details', () => {
    expect(toErrorData(new FerryError('PLAN_TOO_COMPLEX', 'too much', { limit: 'time' })))
      .toEqual({ code: 'PLAN_TOO_COMPLEX', message: 'too much', details: { limit: 'time' } });
  });

  it('keeps the code of a FerryError that lost its prototype crossing a thread or realm', () => {
    const plain = { name: 'FerryError', code: 'INPUT_TOO_LARGE', message: 'big', details: { limit: 1 } };
    expect(toErrorData(plain)).toEqual({ code: 'INPUT_TOO_LARGE', message: 'big', details: { limit: 1 } });
  });

  it('turns anything else into INTERNAL_ERROR without throwing itself', () => {
    expect(toErrorData(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL_ERROR', message: 'x is undefined' });
    expect(toErrorData({ name: 'FerryError', code: 'toString', message: 'not a code' }).code).toBe('INTERNAL_ERROR');
    expect(toErrorData({ name: 'FerryError', code: '__proto__' }).code).toBe('INTERNAL_ERROR');
    expect(toErrorData(Object.create(null))).toEqual({ code: 'INTERNAL_ERROR', message: '[object Object]' });
    expect(toErrorData(undefined)).toEqual({ code: 'INTERNAL_ERROR', message: 'undefined' });
  });
});
