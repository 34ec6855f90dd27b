// An early exit of cfssljson: what it prints on stderr and the exit status (Go's os.Exit / panic).

/** Thrown inside cfssljson to stop with `stderr` printed and `exitCode` returned. */
export class CfssljsonExit extends Error {
  override readonly name = 'CfssljsonExit';
  readonly stderr: string;
  readonly exitCode: number;

  constructor(stderr: string, exitCode: number) {
    super(stderr.trimEnd());
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
}
