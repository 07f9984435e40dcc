/** Handlers of the `audit:` channels. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** The audit log and its verification. */
export function setupAuditHandlers(s: Services): DomainHandlers<'audit'> {
  return {
    'audit:list': (query) => s.audit.list(query),
    'audit:actions': () => s.audit.actions(),
    'audit:verify': () => s.audit.verify(),
  };
}
