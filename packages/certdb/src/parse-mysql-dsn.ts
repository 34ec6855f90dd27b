// go-sql-driver/mysql's data source form: [user[:password]@][protocol[(address)]]/dbname[?param=value&...].

/** Connection options for mysql2 taken from a Go MySQL DSN. */
export interface MysqlDsn {
  user?: string;
  password?: string;
  host?: string;
  port?: number;
  socketPath?: string;
  database: string;
  params: Map<string, string>;
}

/**
 * Parse `user:pass@tcp(host:3306)/db?parseTime=true` (go-sql-driver/mysql ParseDSN). Parameters are kept
 * for reference; the store reads and writes times in UTC whatever `parseTime` and `loc` say.
 */
export function parseMysqlDsn(dsn: string): MysqlDsn {
  const slash = dsn.lastIndexOf('/');
  if (slash < 0) throw new Error('invalid DSN: missing the slash separating the database name');
  const head = dsn.slice(0, slash);
  const tail = dsn.slice(slash + 1);
  const q = tail.indexOf('?');
  const out: MysqlDsn = { database: decodeURIComponent(q < 0 ? tail : tail.slice(0, q)), params: new Map() };
  if (q >= 0) for (const [k, v] of new URLSearchParams(tail.slice(q + 1))) out.params.set(k, v);
  const at = head.lastIndexOf('@');
  const cred = at < 0 ? '' : head.slice(0, at);
  const addr = at < 0 ? head : head.slice(at + 1);
  if (cred !== '') {
    const colon = cred.indexOf(':');
    out.user = colon < 0 ? cred : cred.slice(0, colon);
    if (colon >= 0) out.password = cred.slice(colon + 1);
  }
  const m = /^(\w*)(?:\((.*)\))?$/.exec(addr);
  if (m === null) throw new Error(`invalid DSN: bad address ${JSON.stringify(addr)}`);
  const protocol = m[1] === '' ? 'tcp' : m[1];
  const address = m[2] ?? '';
  if (protocol === 'unix') out.socketPath = address === '' ? '/tmp/mysql.sock' : address;
  else {
    const hp = /^(?:\[(.*)\]|([^:]*))(?::(\d+))?$/.exec(address);
    const host = hp?.[1] ?? hp?.[2] ?? '';
    out.host = host === '' ? '127.0.0.1' : host;
    out.port = hp?.[3] !== undefined ? Number(hp[3]) : 3306;
  }
  return out;
}
