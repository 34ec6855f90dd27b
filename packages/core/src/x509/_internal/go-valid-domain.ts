// Go 1.19 crypto/x509 domainToReverseLabels succeeding: no empty label (so no trailing dot), bytes 33–126 only.

/** True where Go's domainToReverseLabels(domain) is ok (the empty domain is). */
export function isValidGoDomain(domain: string): boolean {
  if (domain === '') return true;
  let labelLength = 0;
  for (let i = 0; i < domain.length; i++) {
    const c = domain.charCodeAt(i);
    if (c === 0x2e) {
      if (labelLength === 0) return false;
      labelLength = 0;
    } else if (c < 33 || c > 126) return false;
    else labelLength++;
  }
  return labelLength > 0;
}
