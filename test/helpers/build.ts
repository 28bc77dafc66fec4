import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Build dist/ once (as `npm run build` does), so the CLI tests run the real built binary. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], {
    cwd: root,
    stdio: 'inherit',
  });
  // The built-in rule sets' cache, as `npm run build` writes it.
  execFileSync(process.execPath, [`${root}scripts/cache-rules.mjs`], { cwd: root, stdio: 'inherit' });
}
