// Long-running commands that handle SIGTERM/SIGINT themselves (commands/_internal/until-stop-signal.ts): they write
// no files, stop accepting, finish in-flight requests and exit 0, so main.ts must not install the writer's
// clean-up-and-die handlers for them.
export const SELF_STOPPING_COMMANDS: ReadonlySet<string> = new Set(['serve', 'multirootca', 'ocspserve']);
