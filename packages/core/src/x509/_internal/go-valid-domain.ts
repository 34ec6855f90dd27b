// Go 1.19 crypto/x509 domainToReverseLabels succeeding: no empty label (so no trailing dot), bytes 33–126 only.
// Go splits from the right and stops when the rest is empty, so one leading '.' adds no label and is accepted.

/** True where Go's domainToReverseLabels(domain) is ok (the empty domain is, and so is `.example.com`). */
export function isValidGoDomain(domain: string): boolean {
  if (domain === '') return true;
  const d = domain.length > 1 && domain.startsWith('.') ? domain.slice(1) : domain;
  let labelLength = 0;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (c === 0x2e) {
      if (labelLength === 0) return false;
      labelLength = 0;
    } else if (c < 33 || c > 126) return false;
    else labelLength++;
  }
  return labelLength > 0;
}
