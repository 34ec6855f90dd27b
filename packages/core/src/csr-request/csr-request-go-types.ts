// The Go types cfssl 1.6.5 decodes CSR JSON into (csr.CertificateRequest and friends), for the Go JSON decoder.
import {
  goBoolType,
  goBytesType,
  goField,
  goIntType,
  goMapType,
  goPointerType,
  goSliceType,
  goStringType,
  goStructType,
  type GoValue,
} from '../go/json/go-type.js';
import { NAME_CONSTRAINTS_GO_TYPE } from '../cert/name-constraints-go-type.js';

const str = goStringType();

const name = goStructType('csr.Name', [
  goField('C', str, 'C'),
  goField('ST', str, 'ST'),
  goField('L', str, 'L'),
  goField('O', str, 'O'),
  goField('OU', str, 'OU'),
  goField('E', str, 'E'),
  goField('SerialNumber', str, 'SerialNumber'),
  goField('OID', goMapType(str), 'OID'),
]);

const keyRequest = goStructType('csr.KeyRequest', [goField('A', str, 'algo'), goField('S', goIntType(), 'size')]);

const caConfig = goStructType('csr.CAConfig', [
  goField('PathLength', goIntType(), 'pathlen'),
  goField('PathLenZero', goBoolType(), 'pathlenzero'),
  goField('Expiry', str, 'expiry'),
  goField('Backdate', str, 'backdate'),
  // cfssl-ts: Go x509 Permitted*/Excluded* for the new CA (cfssl issue #713).
  goField('NameConstraints', goPointerType(NAME_CONSTRAINTS_GO_TYPE), 'name_constraints'),
]);

const extension = goStructType('pkix.Extension', [
  goField('Id', goSliceType(goIntType(), 'asn1.ObjectIdentifier')),
  goField('Critical', goBoolType()),
  goField('Value', goBytesType()),
]);

/** cfssl `csr.CertificateRequest`. */
export const CERTIFICATE_REQUEST_GO_TYPE = goStructType('csr.CertificateRequest', [
  goField('CN', str, 'CN'),
  goField('Names', goSliceType(name), 'names'),
  goField('Hosts', goSliceType(str), 'hosts'),
  goField('KeyRequest', goPointerType(keyRequest), 'key'),
  goField('CA', goPointerType(caConfig), 'ca'),
  goField('SerialNumber', str, 'serialnumber'),
  goField('DelegationEnabled', goBoolType(), 'delegation_enabled'),
  goField('Extensions', goSliceType(extension), 'extensions'),
  goField('CRL', str, 'crl_url'),
]);

/** cfssl `csr.Name` (also the element type of signer.Subject.Names). */
export const NAME_GO_TYPE = name;

/** Decoded csr.CertificateRequest. */
export type DecodedCertificateRequest = GoValue<typeof CERTIFICATE_REQUEST_GO_TYPE>;

/** Decoded csr.Name. */
export type DecodedName = GoValue<typeof NAME_GO_TYPE>;
