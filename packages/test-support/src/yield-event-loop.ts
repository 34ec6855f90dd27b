// Suites that drive the CLI with spawnSync block the worker's event loop test after test; vitest's
// worker RPC (onTaskUpdate) then times out. Letting the loop turn once before each test avoids that.
import { beforeEach } from 'vitest';

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
