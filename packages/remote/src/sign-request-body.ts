// cfssl signer.SignRequest as cfssl 1.6.5's json.Marshal writes it: the body of /sign and authsign's inner request.
import type { NameEntry, RequestedExtension, SubjectOverride } from '@cfssl-ts/core';
import { goStruct, marshalGoJson } from '@cfssl-ts/core/go';

/** What a remote sign request carries (cfssl `signer.SignRequest`, JSON names). */
export interface RemoteSignRequest {
  /** The PEM CSR. */
  certificate_request: string;
  /** null keeps the CSR's SANs; [] removes them (cfssl `hosts`). */
  hosts?: string[] | null;
  subject?: SubjectOverride | null;
  profile?: string;
  crl_override?: string;
  label?: string;
  serial?: bigint | null;
  extensions?: RequestedExtension[] | null;
}

// config.OID marshals as its dotted string. csr.Name: every field omitempty, OID a map (sorted keys).
function nameStruct(n: NameEntry): unknown {
  const fields: Record<string, unknown> = {};
  for (const k of ['C', 'ST', 'L', 'O', 'OU', 'E', 'SerialNumber'] as const) if (n[k] !== '') fields[k] = n[k];
  if (n.OID.length > 0) fields.OID = Object.fromEntries(n.OID);
  return goStruct(fields);
}

/**
 * The JSON bytes cfssl 1.6.5 sends: `hosts, certificate_request, subject?, profile, crl_override, label, serial?,
 * extensions?, NotBefore, NotAfter, ReturnPrecert, metadata` (zero times, as cfssl's CLI never sets them).
 *
 * @example
 * marshalSignRequest({ certificate_request: pem, hosts: ['a.example'] })
 */
export function marshalSignRequest(req: RemoteSignRequest): string {
  const fields: Record<string, unknown> = { hosts: req.hosts ?? null, certificate_request: req.certificate_request };
  if (req.subject) {
    fields.subject = goStruct({
      CN: req.subject.CN,
      names: req.subject.names.length === 0 ? null : req.subject.names.map(nameStruct),
      SerialNumber: req.subject.SerialNumber,
    });
  }
  fields.profile = req.profile ?? '';
  fields.crl_override = req.crl_override ?? '';
  fields.label = req.label ?? '';
  if (req.serial !== undefined && req.serial !== null) fields.serial = req.serial;
  if (req.extensions && req.extensions.length > 0) {
    fields.extensions = req.extensions.map((x) => goStruct({ id: x.oid, critical: x.critical, value: x.value }));
  }
  fields.NotBefore = '0001-01-01T00:00:00Z';
  fields.NotAfter = '0001-01-01T00:00:00Z';
  fields.ReturnPrecert = false;
  fields.metadata = null;
  return marshalGoJson(goStruct(fields));
}
