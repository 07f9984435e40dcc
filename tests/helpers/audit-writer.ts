/**
 * A second Ferry process that keeps appending to a data directory's audit log through the real
 * services (each append signs the head), for tests that read while another process writes:
 * `node tests/helpers/audit-writer.ts DIR MILLISECONDS`. Prints "started" once it writes, and the
 * number of appends when it stops.
 */
import { createServices } from '../../src/main/services.ts';

const [dataDir, ms] = process.argv.slice(2);
const services = createServices({ dataDir: dataDir!, create: false });
const end = Date.now() + Number(ms ?? '5000');
let n = 0;
process.stdout.write('started\n');
while (Date.now() < end) {
  services.settings.set({ language: n % 2 === 0 ? 'en' : 'de' });
  n += 1;
}
await services.close();
process.stdout.write(`appended ${n}\n`);
