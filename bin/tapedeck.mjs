#!/usr/bin/env node
// The `tapedeck` command: checks the Node version, then runs the built CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`tapedeck: Node ${process.versions.node} is too old; Tapedeck needs Node >= 22.12\n`);
  process.exit(1);
}

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('tapedeck: not built yet: run `npm run build` first\n');
  process.exit(1);
}
await import(cli.href);
