import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { tempDir } from '../helpers/cli.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), stdoutIsTty: false, env: {} };
  const code = await main(['node', 'archscan', ...args], io);
  return { code, out, err: err.trim() };
}

describe('organisation flags and snapshot directories: bad input is exit 2, one line, nothing written', () => {
  it.each([
    [['scan', '--org'], 'archscan: error: --org-role: with --org: the role to assume in each member account, e.g. --org-role OrganizationAccountAccessRole'],
    [['scan', '--accounts', '111122223333'], 'archscan: error: --accounts: only with --org, or --snapshot naming a directory written by `collect --org`'],
    [['scan', '--org-role', 'Audit'], 'archscan: error: --org-role: only with --org'],
    [['scan', '--org', '--org-role', 'Audit', '--shard', '3/2'], 'archscan: error: --shard: i/n with 1 ≤ i ≤ n, e.g. 1/4 (shard i of n), not "3/2"'],
    [['scan', '--org', '--org-role', 'Audit', '--baseline', 'old.json'], 'archscan: error: --baseline: a single-account scan (diff an organisation account by account: scan --accounts ID)'],
    [['scan', '--org', '--org-role', 'bad role'], 'archscan: error: --org-role: an IAM role name (optionally with its path), not "bad role"'],
  ])('%j', async (args, line) => {
    const r = await run(args);
    expect(r).toEqual({ code: 2, out: '', err: line });
  });

  it('names the index of a snapshot directory that has none, or a bad one', async () => {
    const dir = tempDir();
    expect(await run(['scan', '--snapshot', dir])).toEqual({ code: 2, out: '', err: `archscan: error: ${join(dir, 'index.json')}: the index of a snapshot directory written by \`archscan collect --org --output DIR\`, but it does not exist` });
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ format: 'archscan-org-snapshots', formatVersion: 1, accounts: [{ accountId: '111122223333', status: 'collected', file: '../../etc/passwd' }] }));
    const r = await run(['scan', '--snapshot', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^archscan: error: ${join(dir, 'index.json')}: /accounts/0`));
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(join(sub, 'index.json'), JSON.stringify({ format: 'archscan-org-snapshots', formatVersion: 1, accounts: [{ accountId: '100000000002', status: 'collected', file: '100000000002.json' }] }));
    writeFileSync(join(sub, '100000000002.json'), '{"metadata": ');
    const bad = await run(['scan', '--snapshot', sub]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(new RegExp(`^archscan: error: ${join(sub, '100000000002.json')}: `));
  });
});
