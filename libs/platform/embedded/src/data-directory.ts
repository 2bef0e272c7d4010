import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where embedded adapters keep their files when CXM_DATA_DIR is not set: outside the source tree,
 * following the XDG convention, so `git clean` never eats a developer's data.
 */
export function defaultDataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'cxm');
}
