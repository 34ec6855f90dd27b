# Builds the test chains of bundle-chains.test.ts with OpenSSL (run in an empty directory).
set -e
cat > ext.cnf <<'X'
[req]
distinguished_name = dn
[dn]
[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[root_pathlen0]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[root_nc]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
nameConstraints = critical,permitted;DNS:.example.com
[inter]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[inter_noca]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyCertSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[inter_noku]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[inter_nc]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
nameConstraints = critical,permitted;DNS:.example.com,excluded;DNS:bad.example.com
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:www.example.com,DNS:example.com
[leaf_evil]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:www.example.com,DNS:evil.org
[leaf_bad]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:bad.example.com
X
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
root() { key "$1-key.pem"; openssl req -x509 -new -key "$1-key.pem" -out "$1.pem" -subj "/O=Chain Test/CN=$2" -days 3650 -config ext.cnf -extensions "$3"; }
issue() { # name cn issuer section
  key "$1-key.pem"; openssl req -new -key "$1-key.pem" -out "$1.csr" -subj "/O=Chain Test/CN=$2" -config ext.cnf
  openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3-key.pem" -set_serial "0x$(openssl rand -hex 8)" -days "${5:-365}" -extfile ext.cnf -extensions "$4" -out "$1.pem" 2>/dev/null; }
root root "Chain Root" root
issue inter "Chain Inter" root inter
issue leaf www.example.com inter leaf
issue noca "Chain NoCA" root inter_noca
issue leaf-noca www.example.com noca leaf
issue noku "Chain NoKU" root inter_noku
issue leaf-noku www.example.com noku leaf
root root-pl0 "Chain Root PL0" root_pathlen0
issue inter-pl0 "Chain Inter PL0" root-pl0 inter
issue leaf-pl0 www.example.com inter-pl0 leaf
root root-nc "Chain Root NC" root_nc
issue inter-ncroot "Chain Inter NCRoot" root-nc inter
issue leaf-ncroot www.example.com inter-ncroot leaf_evil
issue inter-nc "Chain Inter NC" root inter_nc
issue leaf-ncinter www.example.com inter-nc leaf_bad
issue leaf-ncok www.example.com inter-nc leaf
mkdir -p db && : > db/index.txt && echo 1000 > db/serial
cat > ca.cnf <<'X'
[ca]
default_ca = CA
[CA]
database = db/index.txt
new_certs_dir = db
serial = db/serial
default_md = sha256
policy = any
unique_subject = no
[any]
commonName = supplied
organizationName = optional
X
dated() { # name cn issuer section start end
  key "$1-key.pem"; openssl req -new -key "$1-key.pem" -out "$1.csr" -subj "/O=Chain Test/CN=$2" -config ext.cnf
  openssl ca -batch -notext -config ca.cnf -cert "$3.pem" -keyfile "$3-key.pem" -in "$1.csr" -out "$1.pem" -startdate "$5" -enddate "$6" -extfile ext.cnf -extensions "$4" 2>/dev/null; }
dated inter-exp "Chain Inter Expired" root inter 20200101000000Z 20210101000000Z
issue leaf-exp www.example.com inter-exp leaf
dated inter-future "Chain Inter Future" root inter 20990101000000Z 20991231000000Z
# a leaf with OCSP directly under the root (cfssl keeps the root in such a bundle), and an RSA chain
cat >> ext.cnf <<'X'
[leaf_ocsp]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:ocsp-leaf.example.com
authorityInfoAccess = OCSP;URI:http://ocsp.example.com
crlDistributionPoints = URI:http://crl.example.com/root.crl
X
issue leaf-ocsp ocsp-leaf.example.com root leaf_ocsp
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-inter-key.pem 2>/dev/null
openssl req -new -key rsa-inter-key.pem -out rsa-inter.csr -subj "/O=Chain Test/CN=Chain RSA Inter" -config ext.cnf
openssl x509 -req -in rsa-inter.csr -CA root.pem -CAkey root-key.pem -set_serial 0x77 -days 365 -extfile ext.cnf -extensions inter -out rsa-inter.pem 2>/dev/null
issue leaf-rsa www.example.com rsa-inter leaf 20
