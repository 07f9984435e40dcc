/**
 * The errors the person sees, as a queue: several can be shown at once and each dismissed alone.
 * Every error belongs to the action that failed (its `source`), so the next success of that action
 * clears it; navigating clears the rest. Store actions run through `attempt`, never catch by hand.
 */
import { create } from 'zustand';
import type { ErrorData } from '../../../shared/contract.ts';
import { toErrorData } from '../../../shared/errors.ts';
import { IpcError } from '../ipc.ts';

/** One error as shown. */
export interface ShownError {
  id: number;
  /** The action that failed, e.g. `station.trust`: its next success clears this error. */
  source: string;
  /** Shown next to the form that failed instead of in the banner at the top of the page. */
  inline: boolean;
  data: ErrorData;
  /** A program error in this window: a report is written (`file` once main says where) and a restart offered. */
  report?: { pending: boolean; file: string | null } | undefined;
}

/** How an error is to be shown. */
export interface ReportOptions {
  inline?: boolean;
  /** A bug in this window (not an expected failure): stays until dismissed and offers a restart. */
  programError?: boolean;
}

interface ErrorState {
  errors: ShownError[];
  report(source: string, error: unknown, options?: ReportOptions): ShownError;
  /** Attaches the report file main wrote for a program error. */
  attachReport(id: number, file: string | null): void;
  dismiss(id: number): void;
  /** The action succeeded: its earlier errors no longer apply. */
  succeeded(source: string): void;
  /** The person abandoned the action (e.g. cancelled its form): its errors no longer apply either. */
  abandoned(source: string): void;
  /** A new page: old banners no longer apply (program errors stay until dismissed). */
  clearOnNavigation(): void;
}

/** More would push the page down without telling anything new. */
const MAX_SHOWN = 5;
let nextId = 1;

/** Anything thrown as error data: an IPC failure keeps main's code; anything else is a bug (INTERNAL_ERROR). */
export function errorDataOf(error: unknown): ErrorData {
  return error instanceof IpcError ? error.data : toErrorData(error);
}

export const useErrorStore = create<ErrorState>((set, get) => ({
  errors: [],
  report(source, error, options = {}) {
    const shown: ShownError = {
      id: nextId++, source, inline: options.inline ?? false, data: errorDataOf(error),
      report: options.programError ? { pending: true, file: null } : undefined,
    };
    // The same failure again replaces the older notice instead of stacking up.
    set((s) => ({
      errors: [...s.errors.filter((e) => !(e.source === source && e.data.code === shown.data.code)), shown].slice(-MAX_SHOWN),
    }));
    return shown;
  },
  attachReport(id, file) {
    set((s) => ({ errors: s.errors.map((e) => (e.id === id ? { ...e, report: { pending: false, file } } : e)) }));
  },
  dismiss(id) {
    set((s) => ({ errors: s.errors.filter((e) => e.id !== id) }));
  },
  succeeded(source) {
    set((s) => (s.errors.some((e) => e.source === source) ? { errors: s.errors.filter((e) => e.source !== source) } : s));
  },
  abandoned(source) {
    get().succeeded(source);
  },
  clearOnNavigation() {
    set((s) => ({ errors: s.errors.filter((e) => e.report !== undefined) }));
  },
}));
