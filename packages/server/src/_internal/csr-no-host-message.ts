// cfssl generator.CSRNoHostMessage: the message of a certificate made without hosts.

/** The text cfssl sends with code 5300 when `newcert` has no `hosts`. */
export const CSR_NO_HOST_MESSAGE = `This certificate lacks a "hosts" field. This makes it unsuitable for
websites. For more information see the Baseline Requirements for the Issuance and Management
of Publicly-Trusted Certificates, v.1.1.6, from the CA/Browser Forum (https://cabforum.org);
specifically, section 10.2.3 ("Information Requirements").`;
