// Which files of a directory hold certificates to check or renew.

/** The CA rotation's files: the new CA in ca.pem/ca-key.pem, the old one kept beside it until the rotation finishes. */
export const CA_FILES = {
  ca: 'ca.pem',
  caKey: 'ca-key.pem',
  caCsr: 'ca.csr',
  caCsrJson: 'ca-csr.json',
  oldCa: 'ca-old.pem',
  oldCaKey: 'ca-old-key.pem',
} as const;

/** `*.pem` except keys (`*-key.pem`) and cfssl bundle outputs (`*-bundle.pem`, `*-root.pem`). */
export function isCertificateFile(name: string): boolean {
  return name.endsWith('.pem') && !/-(key|bundle|root)\.pem$/.test(name);
}

/** Certificate files other than the CA's (ca.pem, ca-old.pem), sorted. */
export function leafCertificateFiles(names: Iterable<string>): string[] {
  return [...names].filter((n) => isCertificateFile(n) && n !== CA_FILES.ca && n !== CA_FILES.oldCa).sort();
}
