import { createProjectGraphAsync } from '@nx/devkit';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Lints a would-be source file at `path` (relative to the repo) with the repo's real ESLint
 * setup, in a child process (ESLint loads its config by dynamic import, which jest's VM lacks).
 */
async function violations(path: string, source: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', join(ROOT, path), '--format', 'json'], {
    cwd: ROOT,
    input: source,
    env: { ...process.env, NX_DAEMON: 'false' },
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the architecture is enforced by lint', () => {
  jest.setTimeout(60_000);

  beforeAll(async () => {
    // The boundary rule reads Nx's cached project graph; without one it skips silently.
    await createProjectGraphAsync({ exitOnError: true });
  });

  it('stops one bounded context from importing another', async () => {
    const found = await violations('libs/ingest/src/sneaky.ts', "import { RoutingModule } from '@cxm/routing';\nexport const x = RoutingModule;\n");
    expect(found.join('\n')).toMatch(/@nx\/enforce-module-boundaries.*(scope:ingest|type:domain)/);
  });

  it('stops domain code from importing an infrastructure client', async () => {
    const found = await violations('libs/profiles/src/sneaky.ts', "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n");
    expect(found.join('\n')).toMatch(/@nx\/enforce-module-boundaries.*kafkajs/);
  });

  it('keeps the contracts lib free of dependencies on other libs', async () => {
    const found = await violations('libs/contracts/src/sneaky.ts', "import { silentLogger } from '@cxm/platform-logging';\nexport const x = silentLogger;\n");
    expect(found.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('lets a domain lib use the platform ports and the contracts', async () => {
    const found = await violations(
      'libs/routing/src/fine.ts',
      "import { EVENT_BUS } from '@cxm/platform-bus';\nimport { TOPICS } from '@cxm/contracts';\nexport const x = [EVENT_BUS, TOPICS];\n",
    );
    expect(found).toEqual([]);
  });
});
