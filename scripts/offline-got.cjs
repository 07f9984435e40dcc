// Stands in for `got` inside electronegativity (scripts/lint-electron.ts): the tool fetches
// translations and Electron's release list, and Ferry's lint must run offline and the same every time.
const offline = () => Promise.reject(new Error('offline: Ferry runs electronegativity without network access'));
module.exports = Object.assign(offline, { head: offline, get: offline, stream: offline });
