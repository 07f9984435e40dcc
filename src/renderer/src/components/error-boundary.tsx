/**
 * Catches a crash while rendering: reports it (main writes a report file) and shows a fallback with
 * a restart instead of a blank window. Around each page (keyed by page, so navigating away recovers)
 * and around the whole app.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportProgramError } from '../errors/crash-report.ts';

interface Props {
  children: ReactNode;
  /** What to show instead of the crashed tree. */
  fallback: ReactNode;
}

/** A React error boundary that reports what it catches. */
export class ErrorBoundary extends Component<Props, { crashed: boolean }> {
  override state = { crashed: false };

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The component stack says where it happened; the report keeps it with the error's own stack.
    const where = info.componentStack ? `\nComponent stack:${info.componentStack}` : '';
    const withStack = error instanceof Error ? Object.assign(new Error(error.message), { stack: `${error.stack ?? error.message}${where}` }) : error;
    void reportProgramError('render', withStack);
  }

  override render(): ReactNode {
    return this.state.crashed ? this.props.fallback : this.props.children;
  }
}
