// multirootca's Prometheus counters (cfssl 1.6 cmd/multirootca/api.go), exposed in the text format at /metrics.

interface CounterFamily {
  name: string;
  help: string;
  labels: readonly string[];
  /** Label values joined by \u0000 → count. */
  values: Map<string, number>;
}

/** The three counters cfssl's multirootca keeps. */
export interface MultirootMetrics {
  /** `requests_total{operation,signer}`: authsign requests for an existing label. */
  request(signer: string): void;
  /** `requests_errored_total{operation,signer}`: signatures that failed. */
  errored(signer: string): void;
  /** `bad_inputs_total{operation}`: every refusal. */
  badInput(): void;
  /** The Prometheus text exposition (version 0.0.4) of every counter with a value. */
  render(): string;
}

// Prometheus text format: label values escape \, " and newline; HELP escapes \ and newline.
const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

/**
 * Fresh counters. Like a prometheus CounterVec, a family with no series yet is not listed at all.
 *
 * @example
 * const m = createMultirootMetrics(); m.request('primary'); m.render();
 * // '# HELP requests_total ...\n# TYPE requests_total counter\nrequests_total{operation="sign",signer="primary"} 1\n'
 */
export function createMultirootMetrics(): MultirootMetrics {
  const family = (name: string, help: string, labels: readonly string[]): CounterFamily => ({ name, help, labels, values: new Map() });
  // cfssl's help texts, spelling included.
  const requests = family('requests_total', 'How many requests for each operation type and signer were succesfully processed.', [
    'operation',
    'signer',
  ]);
  const errored = family('requests_errored_total', 'How many requests for each operation type resulted in an error.', [
    'operation',
    'signer',
  ]);
  const badInputs = family('bad_inputs_total', 'How many times the input was malformed or not allowed.', ['operation']);
  const inc = (f: CounterFamily, ...values: string[]) => {
    const key = values.join('\u0000');
    f.values.set(key, (f.values.get(key) ?? 0) + 1);
  };
  return {
    request: (signer) => inc(requests, 'sign', signer),
    errored: (signer) => inc(errored, 'sign', signer),
    badInput: () => inc(badInputs, 'sign'),
    render() {
      let out = '';
      // promhttp gathers families sorted by name, series sorted by label values.
      for (const f of [badInputs, errored, requests].sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (f.values.size === 0) continue;
        out += `# HELP ${f.name} ${escapeHelp(f.help)}\n# TYPE ${f.name} counter\n`;
        for (const key of [...f.values.keys()].sort()) {
          const labels = key.split('\u0000').map((v, i) => `${f.labels[i]!}="${escapeLabel(v)}"`);
          out += `${f.name}{${labels.join(',')}} ${String(f.values.get(key))}\n`;
        }
      }
      return out;
    },
  };
}
