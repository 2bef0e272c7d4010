/**
 * `npm run demo`: loads a few hundred multilingual demo mentions into a running API.
 * CXM_URL (default http://127.0.0.1:3000), CXM_ADMIN_TOKEN (required), CXM_DEMO_TENANT (default demo),
 * `--count N` (default 300).
 */
import { loadDemoMentions } from '@cxm/demo';

async function main(): Promise<void> {
  const token = process.env.CXM_ADMIN_TOKEN;
  if (!token) throw new Error('set CXM_ADMIN_TOKEN to the token the running API printed (or was given)');
  const countFlag = process.argv.indexOf('--count');
  const count = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 300;
  if (!Number.isInteger(count) || count < 1) throw new Error('--count takes a positive whole number');
  const url = process.env.CXM_URL ?? 'http://127.0.0.1:3000';
  const result = await loadDemoMentions({ url, token, tenantId: process.env.CXM_DEMO_TENANT ?? 'demo', count });
  process.stdout.write(`accepted ${result.accepted}, already there ${result.duplicates}, rejected ${result.rejected.length}\n`);
  for (const r of result.rejected) process.stdout.write(`  ${r.externalId}: ${r.status} ${r.detail}\n`);
  if (result.rejected.length) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
