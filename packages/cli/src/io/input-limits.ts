// The most bytes cfssl-ts reads from one input, with the reason for each. cfssl reads every input to its end
// (ioutil.ReadAll / ReadFile), so /dev/zero or an endless FIFO grows its memory until the machine gives out;
// cfssl-ts stops one byte past the limit and names the input. docs/compat.md "Input limits" lists them.

const MIB = 1024 * 1024;

/** Byte limits per input kind. */
export const INPUT_LIMITS = {
  /**
   * Every certificate, CSR, key, bundle, `ca-config.json`, CSR JSON, subject file, cfssljson input, layout spec
   * and file of a `check` directory. The largest real ones are trust-store bundles (about 0.3 MiB for the
   * whole Mozilla store); 16 MiB is fifty times that, and every parser runs in linear time up to it.
   */
  file: 16 * MIB,
  /**
   * A `gencrl` serial list: one decimal serial per line, so a CA that revoked a million 20-octet serials
   * (49 digits and a newline each) needs about 48 MiB.
   */
  serialList: 64 * MIB,
} as const;

/** A limit as people read it: `16 MiB`. */
export function formatByteLimit(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}
