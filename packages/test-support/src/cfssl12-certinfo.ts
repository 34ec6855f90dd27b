// The two documented ways cfssl 1.2's certinfo output differs from 1.6.5's (reference §2.6, §11), and
// cfssl-ts's own `name_constraints` key, which neither cfssl prints (docs/compat.md).

/** cfssl 1.2's certinfo.formatKeyID used `%X` per byte: drop the leading zero of each byte. */
export function toCfssl12KeyIds(json: string): string {
  return json.replace(
    /("(?:authority|subject)_key_id": ")([0-9A-F:]*)"/g,
    (_, head: string, id: string) =>
      `${head}${
        id === ''
          ? ''
          : id
              .split(':')
              .map((b) => b.replace(/^0(?=[0-9A-F])/, ''))
              .join(':')
      }"`,
  );
}

/** cfssl 1.2's helpers.SignatureString has no Ed25519 case. */
export function toCfssl12SigAlg(json: string): string {
  return json.replace('"sigalg": "Ed25519"', '"sigalg": "Unknown Signature"');
}

/** Drop cfssl-ts's `name_constraints` object (2-space indented output; JSON strings hold no newline). */
export function withoutNameConstraints(json: string): string {
  return json.replace(/\n {2}"name_constraints": \{\n(?: {4}.*\n)* {2}\},/, '');
}

/** Both differences, without cfssl-ts's extension key: our output in 1.2's form. */
export function asCfssl12(json: string): string {
  return toCfssl12SigAlg(toCfssl12KeyIds(withoutNameConstraints(json)));
}
