// Preloaded into `cfssl-ts serve` by the HTTP bench (NODE_OPTIONS=--require): appends the server's
// heapUsed and RSS to $HEAP_PROBE_FILE once a second, as JSON lines. Bench-only; never in the product.
const { appendFileSync } = require('node:fs');
const file = process.env.HEAP_PROBE_FILE;
if (file) {
  const t0 = Date.now();
  setInterval(() => {
    const m = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: Date.now() - t0, heapUsed: m.heapUsed, rss: m.rss })}\n`);
  }, 1000).unref();
}
