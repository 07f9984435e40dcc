/**
 * Appends audit entries to a data directory quickly, for e2e specs that page through a long log:
 * `node e2e/seed-audit.ts --data-dir DIR --count 1000`. Goes through the real services (so the chain
 * and its signed head stay valid) in one transaction; safe while the harness has the same database open.
 */
import { parseArgs } from 'node:util';
import { createServices } from '../src/main/services.ts';
import { transaction } from '../src/main/store/database.ts';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, count: { type: 'string' } } });
const dataDir = values['data-dir'];
const count = Number(values.count ?? '1000');
if (!dataDir || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: node e2e/seed-audit.ts --data-dir DIR [--count N]\n');
  process.exit(2);
}
const services = createServices({ dataDir, create: false });
try {
  transaction(services.db, () => {
    for (let n = 1; n <= count; n += 1) {
      services.audit.append({ actor: 'e2e', action: 'e2e.seeded', subject: `seeded entry ${n}`, details: { n } });
    }
  });
} finally {
  await services.close();
}
