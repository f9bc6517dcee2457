import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The two commands in README's "Set up a fresh machine", in order: start, then tests. */
function readmeCommands(): string[] {
  const section = (read('README.md').split('## Set up a fresh machine')[1] ?? '').split('\n## ')[0] ?? '';
  return [...section.matchAll(/```sh\n(.+)\n```/g)].map((m) => m[1] ?? '');
}

describe('README set-up commands', () => {
  it('has a start command and a test command', () => {
    const [start, tests] = readmeCommands();
    expect(start).toBe('. .ci/bootstrap-node.sh && npm install && npm start');
    expect(tests).toBe('. .ci/bootstrap-node.sh && npm ci && npm test');
  });

  it('CI runs exactly the README test command', () => {
    const [, tests] = readmeCommands();
    expect(read('.ci/run')).toContain(`bash -c '${tests ?? ''}'`);
  });

  it('the scripts they name exist in package.json', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['start', 'test', 'build']));
  });
});
