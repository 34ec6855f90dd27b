// Go 1.19 x509.SignatureAlgorithm: the enum values and getSignatureAlgorithmFromAI (RSA-PSS parameters checked).
import { readChildren, readTlv, type DerNode } from '../der/der-reader.js';
import { integerValue, minimalInteger, objectIdentifierArcs } from '../der/der-primitives.js';

/** Go's x509.SignatureAlgorithm constants (their JSON form is the integer). */
export const GoSignatureAlgorithm = {
  Unknown: 0,
  MD2WithRSA: 1,
  MD5WithRSA: 2,
  SHA1WithRSA: 3,
  SHA256WithRSA: 4,
  SHA384WithRSA: 5,
  SHA512WithRSA: 6,
  DSAWithSHA1: 7,
  DSAWithSHA256: 8,
  ECDSAWithSHA1: 9,
  ECDSAWithSHA256: 10,
  ECDSAWithSHA384: 11,
  ECDSAWithSHA512: 12,
  SHA256WithRSAPSS: 13,
  SHA384WithRSAPSS: 14,
  SHA512WithRSAPSS: 15,
  PureEd25519: 16,
} as const;

const BY_OID = new Map<string, number>([
  ['1.2.840.113549.1.1.2', GoSignatureAlgorithm.MD2WithRSA],
  ['1.2.840.113549.1.1.4', GoSignatureAlgorithm.MD5WithRSA],
  ['1.2.840.113549.1.1.5', GoSignatureAlgorithm.SHA1WithRSA],
  ['1.3.14.3.2.29', GoSignatureAlgorithm.SHA1WithRSA],
  ['1.2.840.113549.1.1.11', GoSignatureAlgorithm.SHA256WithRSA],
  ['1.2.840.113549.1.1.12', GoSignatureAlgorithm.SHA384WithRSA],
  ['1.2.840.113549.1.1.13', GoSignatureAlgorithm.SHA512WithRSA],
  ['1.2.840.10040.4.3', GoSignatureAlgorithm.DSAWithSHA1],
  ['2.16.840.1.101.3.4.3.2', GoSignatureAlgorithm.DSAWithSHA256],
  ['1.2.840.10045.4.1', GoSignatureAlgorithm.ECDSAWithSHA1],
  ['1.2.840.10045.4.3.2', GoSignatureAlgorithm.ECDSAWithSHA256],
  ['1.2.840.10045.4.3.3', GoSignatureAlgorithm.ECDSAWithSHA384],
  ['1.2.840.10045.4.3.4', GoSignatureAlgorithm.ECDSAWithSHA512],
  ['1.3.101.112', GoSignatureAlgorithm.PureEd25519],
]);

const RSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';
const PSS_HASHES = new Map<string, [algorithm: number, saltLength: bigint]>([
  ['2.16.840.1.101.3.4.2.1', [GoSignatureAlgorithm.SHA256WithRSAPSS, 32n]],
  ['2.16.840.1.101.3.4.2.2', [GoSignatureAlgorithm.SHA384WithRSAPSS, 48n]],
  ['2.16.840.1.101.3.4.2.3', [GoSignatureAlgorithm.SHA512WithRSAPSS, 64n]],
]);

const oidText = (node: DerNode | undefined): string | null => {
  if (node?.tag !== 0x06) return null;
  return objectIdentifierArcs(node.content)?.join('.') ?? null;
};

// A pkix.AlgorithmIdentifier: its OID and whether its parameters are absent or NULL.
function algorithmIdentifier(node: DerNode | undefined): { oid: string; paramsAbsentOrNull: boolean } | null {
  if (node?.tag !== 0x30) return null;
  const [oid, params] = readChildren(node);
  const text = oidText(oid);
  if (text === null) return null;
  return { oid: text, paramsAbsentOrNull: params === undefined || (params.tag === 0x05 && params.content.length === 0) };
}

// The single child of an EXPLICIT [n] wrapper.
function explicit(node: DerNode | undefined, n: number): DerNode | null {
  if (node?.tag !== (0xa0 | n)) return null;
  const [child] = readChildren(node);
  return child ?? null;
}

function explicitInteger(node: DerNode | undefined, n: number): bigint | null {
  const child = explicit(node, n);
  if (child?.tag !== 0x02 || !minimalInteger(child.content) || child.content.length > 8) return null;
  return integerValue(child.content);
}

// Go's pssParameters: hash [0], MGF [1] with MGF1(hash), salt length [2], trailer field [3] = 1.
function pssAlgorithm(params: Uint8Array): number {
  const seq = readTlv(params).node;
  if (seq.tag !== 0x30) return GoSignatureAlgorithm.Unknown;
  const [hashNode, mgfNode, saltNode, trailerNode] = readChildren(seq);
  const hash = algorithmIdentifier(explicit(hashNode, 0) ?? undefined);
  const mgfNodeInner = explicit(mgfNode, 1);
  const mgf = algorithmIdentifier(mgfNodeInner ?? undefined);
  const saltLength = explicitInteger(saltNode, 2);
  const trailer = trailerNode === undefined ? 1n : explicitInteger(trailerNode, 3);
  if (hash === null || mgf === null || saltLength === null || !hash.paramsAbsentOrNull || mgf.oid !== MGF1 || trailer !== 1n) {
    return GoSignatureAlgorithm.Unknown;
  }
  const mgfHash = algorithmIdentifier(readChildren(mgfNodeInner!)[1]);
  if (mgfHash === null || mgfHash.oid !== hash.oid || !mgfHash.paramsAbsentOrNull) return GoSignatureAlgorithm.Unknown;
  const bucket = PSS_HASHES.get(hash.oid);
  return bucket !== undefined && bucket[1] === saltLength ? bucket[0] : GoSignatureAlgorithm.Unknown;
}

/**
 * Go getSignatureAlgorithmFromAI: the enum for an AlgorithmIdentifier's OID (dotted) and raw
 * parameters element (null when absent). Ed25519 requires absent parameters; RSA-PSS maps to one of
 * three buckets only with matching MGF1 hash, salt length = hash size and trailer field 1.
 */
export function goSignatureAlgorithm(oid: string, params: Uint8Array | null): number {
  if (oid === '1.3.101.112' && params !== null && params.length > 0) return GoSignatureAlgorithm.Unknown;
  if (oid !== RSA_PSS) return BY_OID.get(oid) ?? GoSignatureAlgorithm.Unknown;
  if (params === null || params.length === 0) return GoSignatureAlgorithm.Unknown;
  try {
    return pssAlgorithm(params);
  } catch {
    return GoSignatureAlgorithm.Unknown;
  }
}
