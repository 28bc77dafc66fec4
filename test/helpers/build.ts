import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Build dist/ once, so the CLI tests run the real built binary. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], {
    cwd: root,
    stdio: 'inherit',
  });
}
