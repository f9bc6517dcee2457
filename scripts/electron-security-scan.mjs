#!/usr/bin/env node
// Runs @doyensec/electronegativity over Tapedeck's Electron sources and fails
// on any finding above INFORMATIONAL that security/electronegativity-accepted.json
// does not list with a reason.
//
// Offline note: electronegativity fetches translations from the network on every
// run, and offline a `got` retry timer then throws after its promise settled,
// killing the process. We therefore load its own bundled en-US strings instead
// of that fetch (nothing else in the scanner is changed).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const scannerMain = require.resolve('@doyensec/electronegativity');
const scannerRequire = createRequire(scannerMain);
const localesDir = join(dirname(scannerMain), 'locales');

const i18n = scannerRequire('i18n');
const offlineI18n = async () => {
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: localesDir,
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: global,
  });
  i18n.setLocale('en-US');
};
const i18nPath = scannerRequire.resolve('./locales/i18n');
scannerRequire(i18nPath);
scannerRequire.cache[i18nPath].exports = { __esModule: true, default: offlineI18n };

const scanner = scannerRequire(scannerMain);
const run = typeof scanner === 'function' ? scanner : scanner.default;
const policy = JSON.parse(readFileSync(join(root, 'security/electronegativity-accepted.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

// Global checks (navigation limits, permission handler, CSP) look across the
// whole app, so the three Electron-facing folders are scanned as one tree.
const inputs = ['src-main', 'src-preload', 'src-renderer'];
const tree = mkdtempSync(join(tmpdir(), 'tapedeck-electronegativity-'));
for (const input of inputs) cpSync(join(root, input), join(tree, input), { recursive: true });
let failures = 0;
try {
  const result = await run({
    input: tree,
    electronVersionOverride: electronVersion,
    excludeFromScan: Object.keys(policy.excludedChecks),
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    isVerbose: false,
  });
  for (const issue of result.issues) {
    const file = issue.file;
    const where = `${file}:${issue.location.line}:${issue.location.column}`;
    const severity = issue.severity.name;
    const accepted = policy.accepted.find((a) => a.id === issue.id && a.file === file);
    if (severity === 'INFORMATIONAL' || accepted) {
      console.log(`  ok    ${severity.padEnd(13)} ${issue.id} ${where}${accepted ? ` (accepted: ${accepted.reason})` : ''}`);
      continue;
    }
    failures += 1;
    console.log(`  FAIL  ${severity.padEnd(13)} ${issue.id} ${where}\n        ${issue.description}`);
  }
} finally {
  rmSync(tree, { recursive: true, force: true });
}
console.log(`electronegativity (Electron ${electronVersion}): ${failures} unaccepted finding(s) above INFORMATIONAL in ${inputs.join(', ')}`);
process.exitCode = failures === 0 ? 0 : 1;
