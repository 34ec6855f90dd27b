// The stop request of a long-running command (serve, ocspserve): the first SIGTERM or SIGINT.

/** Resolve at the first SIGTERM or SIGINT. */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
