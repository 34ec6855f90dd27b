// Every fuzz target's name: the folder its saved failures go to (fixtures/fuzz-regressions/<target>/).

export const FUZZ_TARGETS = [
  'der-reader',
  'der-round-trip',
  'x509-certificate',
  'x509-certificate-request',
  'name-parse',
  'name-round-trip',
  'csr-round-trip',
  'private-key-import',
  'public-key-parse',
  'key-round-trip',
  'pem-decode',
  'pem-round-trip',
  'go-json-decode',
  'go-json-unmarshal',
  'go-json-round-trip',
  'duration-parse',
  'duration-round-trip',
  'ip-parse',
  'ip-round-trip',
  'cidr-parse',
  'name-constraints-round-trip',
  'mail-address-parse',
  'request-uri-parse',
  'go-regexp-compile',
  'config-parse',
  'csr-request-parse',
  'certinfo-cert-vs-cfssl',
  'certinfo-csr-vs-cfssl',
] as const;

export type FuzzTargetName = (typeof FUZZ_TARGETS)[number];
