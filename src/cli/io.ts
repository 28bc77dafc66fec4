/** Where the CLI writes: injectable so tests can capture it. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour). */
  stdoutIsTty: boolean;
  /** Whether stderr is a terminal (live progress). */
  stderrIsTty?: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * The process's own stdout and stderr. A reader that goes away (`| head -1`)
 * closes the pipe: the rest of the report is dropped quietly, the scan still
 * finishes, and the process exits with the gate's code, never an EPIPE trace.
 */
export function processIo(): Io {
  let stdoutClosed = false;
  const closedPipe = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') stdoutClosed = true;
    else throw e;
  };
  process.stdout.on('error', closedPipe);
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  return {
    stdout: (t) => {
      if (!stdoutClosed) process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** Colour only on a TTY; NO_COLOR (any value) wins over everything, FORCE_COLOR forces it on. */
export function useColor(io: Io): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutIsTty;
}
