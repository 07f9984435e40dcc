/** Handlers of the `audit:` channels. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** The audit log and its verification. */
export function setupAuditHandlers(s: Services): DomainHandlers<'audit'> {
  return {
    'audit:list': ({ limit }) => s.audit.list(limit),
    'audit:verify': () => s.audit.verify(),
  };
}
