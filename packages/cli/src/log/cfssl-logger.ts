// cfssl's log package: `YYYY/MM/DD HH:MM:SS [LEVEL] message` on stderr, local time, filtered by -loglevel.

/** cfssl log levels (-loglevel): 0 DEBUG … 5 FATAL. */
export const LOG_LEVEL = { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3, CRITICAL: 4, FATAL: 5 } as const;
export type LogLevelName = keyof typeof LOG_LEVEL;

/** A leveled logger writing cfssl-formatted lines. */
export interface CfsslLogger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  critical(message: string): void;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A logger printing lines at or above `minLevel` through `write`. */
export function createLogger(minLevel: number, write: (line: string) => void, clock: () => number = Date.now): CfsslLogger {
  const log = (level: LogLevelName) => (message: string) => {
    if (LOG_LEVEL[level] >= minLevel) write(`${stamp(clock())} [${level}] ${message}\n`);
  };
  return { debug: log('DEBUG'), info: log('INFO'), warning: log('WARNING'), error: log('ERROR'), critical: log('CRITICAL') };
}
