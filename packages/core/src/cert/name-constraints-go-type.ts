// The Go struct `name_constraints` decodes into (CSR JSON `ca` and signing profiles): x509.Certificate's
// Permitted*/Excluded* lists as strings, CIDRs for IP ranges, and PermittedDNSDomainsCritical as `critical`.
import { goBoolType, goField, goSliceType, goStringType, goStructType, type GoValue } from '../go/json/go-type.js';

const strings = goSliceType(goStringType());

/** The JSON keys of `name_constraints`, in the order errors and certinfo list them. */
export const NAME_CONSTRAINTS_GO_TYPE = goStructType('NameConstraints', [
  goField('PermittedDNSDomains', strings, 'permitted_dns_domains'),
  goField('ExcludedDNSDomains', strings, 'excluded_dns_domains'),
  goField('PermittedIPRanges', strings, 'permitted_ip_ranges'),
  goField('ExcludedIPRanges', strings, 'excluded_ip_ranges'),
  goField('PermittedEmailAddresses', strings, 'permitted_email_addresses'),
  goField('ExcludedEmailAddresses', strings, 'excluded_email_addresses'),
  goField('PermittedURIDomains', strings, 'permitted_uri_domains'),
  goField('ExcludedURIDomains', strings, 'excluded_uri_domains'),
  goField('Critical', goBoolType(), 'critical'),
]);

/** Decoded `name_constraints`. */
export type DecodedNameConstraints = GoValue<typeof NAME_CONSTRAINTS_GO_TYPE>;
