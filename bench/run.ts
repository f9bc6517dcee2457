/**
 * `npm run bench`: bundles every bench/*.bench.ts with rolldown (our sources
 * use extensionless imports, which Node's loader cannot resolve), runs each
 * bundle in its own `node --expose-gc` process, prints a table and rewrites
 * bench/RESULTS.md. Exits 0 when a target is missed: the benchmarks report,
 * they do not gate CI. Exits 1 only when the benchmarks cannot be built.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

interface Row {
  readonly name: string;
  readonly what: string;
  readonly measured: string;
  readonly target: string;
  readonly pass: boolean;
  readonly notes: string;
}

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const outDir = join(root, 'node_modules', '.cache', 'tapedeck-bench');
const only = process.argv.slice(2);
const TIMEOUT_MS = 150_000;

function isRow(v: unknown): v is Row {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return ['name', 'what', 'measured', 'target', 'notes'].every((k) => typeof r[k] === 'string') && typeof r['pass'] === 'boolean';
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    const model = line?.split(':')[1]?.trim();
    if (model !== undefined && model !== '') return model;
  } catch {
    // not Linux: fall back to what Node reports
  }
  return cpus()[0]?.model ?? 'unknown';
}

const entries = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (entries.length === 0) {
  console.error(`no bench/*.bench.ts matching ${only.join(' ')}`);
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const buildStart = Date.now();
try {
  await build({
    input: Object.fromEntries(entries.map((f) => [basename(f, '.ts'), join(benchDir, f)])),
    platform: 'node',
    // Packages (better-sqlite3's native addon, zod) load from node_modules at run time.
    external: (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    logLevel: 'warn',
    output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', sourcemap: true },
  });
} catch (err) {
  console.error('bench: bundling failed:', err);
  process.exit(1);
}
console.log(`bundled ${String(entries.length)} benchmarks in ${String(Date.now() - buildStart)} ms -> ${outDir}\n`);

const rows: Row[] = [];
const started = Date.now();
for (const entry of entries) {
  const name = basename(entry, '.bench.ts');
  const resultFile = join(outDir, `${name}.result.json`);
  console.log(`▶ ${name}`);
  const t0 = Date.now();
  const child = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', join(outDir, `${basename(entry, '.ts')}.mjs`)], {
    cwd: root,
    env: { ...process.env, TAPEDECK_BENCH_RESULT: resultFile },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (child.stderr !== '') process.stderr.write(child.stderr);
  const reported: Row[] = [];
  try {
    for (const line of readFileSync(resultFile, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const parsed: unknown = JSON.parse(line);
      if (isRow(parsed)) reported.push(parsed);
    }
  } catch {
    // no result: reported as an error row below
  }
  if (reported.length === 0) {
    const why = child.error !== undefined ? child.error.message : `exit ${String(child.status)} ${child.signal ?? ''}`.trim();
    const tail = child.stderr.trim().split('\n').slice(-3).join(' / ');
    reported.push({ name, what: entry, measured: 'n/a', target: 'n/a', pass: false, notes: `ERROR (${why}): ${tail}` });
  }
  rows.push(...reported);
  console.log(`  (${secs} s)\n`);
}
const totalSecs = ((Date.now() - started) / 1000).toFixed(0);

// Console table.
const head = ['benchmark', 'measured', 'target', 'result'];
const cells = rows.map((r) => [r.name, r.measured, r.target, r.pass ? 'PASS' : 'FAIL']);
const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
const line = (c: readonly string[]): string => c.map((s, i) => s.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const c of cells) console.log(line(c));

// RESULTS.md.
const esc = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
const now = new Date();
const md = [
  '# Tapedeck benchmarks',
  '',
  'Written by `npm run bench` (bench/run.ts); rerun it to refresh this file. Each benchmark runs in its own',
  '`node --expose-gc` process from a rolldown bundle of its `bench/*.bench.ts`, with seeded data (no `Math.random`).',
  'Figures are medians of several measured runs after warm-up. Speed targets live here, never in timed unit tests.',
  '',
  `- Date: ${now.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
  `- Machine: ${cpuModel()}, ${String(cpus().length)} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${process.platform} ${release()}`,
  `- Node: ${process.version} (V8 ${process.versions.v8}), SQLite via better-sqlite3`,
  `- Wall time of the run: ${totalSecs} s`,
  '',
  '| Benchmark | What | Measured | Target | Result | Notes |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${esc(r.name)} | ${esc(r.what)} | ${esc(r.measured)} | ${esc(r.target)} | ${r.pass ? 'PASS' : '**FAIL**'} | ${esc(r.notes)} |`),
  '',
].join('\n');
if (only.length === 0) {
  writeFileSync(join(benchDir, 'RESULTS.md'), md);
  console.log(`\nwrote bench/RESULTS.md (${totalSecs} s)`);
} else {
  console.log('\n(subset run: bench/RESULTS.md left as it was)');
}
