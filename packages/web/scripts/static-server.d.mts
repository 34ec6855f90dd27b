import type { Server } from 'node:http';

/** Serve `root` on 127.0.0.1:`port` (0: a free port); resolves to the server and the page's URL. */
export function serveStatic(root: string, port?: number): Promise<{ server: Server; url: string }>;
