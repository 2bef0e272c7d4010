import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_IN_ONE_NODE_FLAGS, allInOneLaunchArguments, missingNodeFlagsWarning } from './node-flags';

const ROOT = join(__dirname, '..', '..', '..');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

describe('the all-in-one Node.js flags', () => {
  // Scripts cannot import the constant: each command that starts the all-in-one must carry it.
  it.each([
    ['npm start', () => json('package.json').scripts.start],
    ['npm run start:demo', () => json('package.json').scripts['start:demo']],
    ['npm run bench:lifecycle (the all-in-one in its own process)', () => json('package.json').scripts['bench:lifecycle']],
    ['nx serve all-in-one', () => json('apps/all-in-one/project.json').targets.serve.command],
  ])('%s starts node with them', (_name, command) => {
    const nodeArguments = (command() as string).split(' ');
    expect(nodeArguments[0]).toBe('node');
    // Node reads its own options only before the entry script: the flags must come before it.
    const entry = nodeArguments.findIndex((arg) => arg.endsWith('.ts'));
    expect(entry).toBeGreaterThan(0);
    for (const flag of ALL_IN_ONE_NODE_FLAGS) expect(nodeArguments.slice(1, entry)).toContain(flag);
  });

  it('puts them before the entry point when another process starts the all-in-one', () => {
    const args = allInOneLaunchArguments('--demo');
    expect(args.slice(0, ALL_IN_ONE_NODE_FLAGS.length)).toEqual([...ALL_IN_ONE_NODE_FLAGS]);
    expect(args.slice(-2)).toEqual(['apps/all-in-one/src/main.ts', '--demo']);
  });

  it('warns when the process was started without them, and says how to add both', () => {
    const warning = missingNodeFlagsWarning(['-r', './scripts/register.js'], '');
    expect(warning).toContain('Add --v8-pool-size=1 --max-semi-space-size=32 to NODE_OPTIONS');
    expect(warning).toContain('ADR 0029');
    expect(warning).toContain('ADR 0034');
  });

  it('names only the flag that is missing', () => {
    const warning = missingNodeFlagsWarning(['--v8-pool-size=1'], '');
    expect(warning).toContain('Add --max-semi-space-size=32 to NODE_OPTIONS');
    expect(warning).not.toContain('ADR 0029');
  });

  it.each([
    ['our flags', ['--v8-pool-size=1', '--max-semi-space-size=32', '-r', './scripts/register.js'], ''],
    ['the operator’s values in NODE_OPTIONS', [], '--max-old-space-size=4096 --v8-pool-size=2 --max-semi-space-size=64'],
    ['one on the command line, one in NODE_OPTIONS', ['--v8-pool-size=1'], '--max-semi-space-size=16'],
    ['a value as the next argument', ['--v8-pool-size', '2', '--max-semi-space-size', '32'], ''],
    ['the underscore spelling Node also accepts', ['--v8_pool_size=1', '--max_semi_space_size=32'], ''],
  ])('stays quiet when a V8 pool size and a semi-space size were chosen: %s', (_case, execArgv, nodeOptions) => {
    expect(missingNodeFlagsWarning(execArgv, nodeOptions)).toBeUndefined();
  });

  it('does not take another option for the pool size', () => {
    expect(missingNodeFlagsWarning(['--v8-options'], '--max-semi-space-size=64 --min-semi-space-size=8')).toContain('Add --v8-pool-size=1 to NODE_OPTIONS');
  });
});
