#!/usr/bin/env node
// Entry point: the CLI lives in dist/ (built by `npm ci` through the prepare script).

// The AWS SDK warns on Node 20 that *future* SDK releases will need Node 22;
// archscan pins its SDK through the lockfile, so the notice is noise on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// For `npm run bench`: the process's own CPU time and peak memory, written at exit.
const rusage = process.env.ARCHSCAN_RUSAGE_FILE;
if (rusage) {
  const { writeFileSync } = await import('node:fs');
  process.on('exit', () => writeFileSync(rusage, JSON.stringify(process.resourceUsage())));
}

const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
