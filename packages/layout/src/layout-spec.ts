// The declarative form of a certificate directory: a CA config, a CA, and the certificates it signs.

/**
 * How a certificate will be used, which decides the extended key usages its consumers demand
 * (Go crypto/x509 Verify with KeyUsages): `server` needs serverAuth, `client` clientAuth, `peer`
 * both (an etcd member presents the same certificate to clients and, as a client, to its peers).
 */
export type CertificateRole = 'server' | 'client' | 'peer';

/** The CA of a layout: `<base>.pem`, `<base>-key.pem`, `<base>.csr` made with `cfssl gencert -initca <csrFile>`. */
export interface LayoutCaSpec {
  /** Output base name, as given to `cfssljson -bare` (`ca`). */
  base: string;
  /** File the CSR JSON is written to (`ca-csr.json`). */
  csrFile: string;
  /** The CSR JSON document (cfssl's CSRJSON), written as is. */
  csr: Record<string, unknown>;
}

/** One certificate signed by the layout's CA: `cfssl gencert -ca -ca-key -config -profile <csrFile> | cfssljson -bare <base>`. */
export interface LayoutCertificateSpec {
  base: string;
  csrFile: string;
  csr: Record<string, unknown>;
  /** Profile of the CA config to sign with. */
  profile: string;
  role: CertificateRole;
}

/**
 * A whole layout: the `ca-config.json` document, the CA and the certificates, each with its CSR
 * JSON. Presets ({@link etcdPreset}, {@link k8sPreset}) are values of this type; `cfssl-ts layout`
 * reads one from a SPEC.json file ({@link parseLayoutSpec}).
 *
 * @example
 * const spec: LayoutSpec = {
 *   configFile: 'ca-config.json',
 *   config: { signing: { profiles: { www: { expiry: '87600h', usages: ['signing', 'server auth'] } } } },
 *   ca: { base: 'ca', csrFile: 'ca-csr.json', csr: { CN: 'my CA', key: { algo: 'rsa', size: 2048 } } },
 *   certificates: [{ base: 'web', csrFile: 'web-csr.json', csr: { CN: 'web', hosts: ['web.example'] }, profile: 'www', role: 'server' }],
 * };
 */
export interface LayoutSpec {
  configFile: string;
  /** The `ca-config.json` document, written as is. */
  config: Record<string, unknown>;
  ca: LayoutCaSpec;
  certificates: LayoutCertificateSpec[];
}

/**
 * A layout spec as a program writes it: what SPEC.json may omit is optional here too (`configFile`, `ca.base`,
 * every `csrFile`, `role`); {@link parseLayoutSpec} fills the defaults and validates it into a {@link LayoutSpec}.
 *
 * @example
 * const spec = parseLayoutSpec({
 *   config: { signing: { profiles: { www: { expiry: '87600h', usages: ['signing', 'server auth'] } } } },
 *   ca: { csr: { CN: 'my CA' } },
 *   certificates: [{ base: 'web', profile: 'www', csr: { CN: 'web', hosts: ['web.example'] } }],
 * });
 */
export interface LayoutSpecInput {
  configFile?: string;
  config: Record<string, unknown>;
  ca: { base?: string; csrFile?: string; csr: Record<string, unknown> };
  certificates: { base: string; csrFile?: string; csr: Record<string, unknown>; profile: string; role?: CertificateRole }[];
}
