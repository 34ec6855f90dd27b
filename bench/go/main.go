// Peer benchmark: Go's crypto/x509 (cfssl's engine) issuing the same leaf certificates as bench/node,
// and parsing that leaf and its CSR (parse-cert-p256, parse-csr-p256).
// Usage: bench <case> <milliseconds>; prints {"case":..., "ops":N, "seconds":S}.
package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"os"
	"strconv"
	"time"
)

func issuerKey(kind string) crypto.Signer {
	switch kind {
	case "p256":
		k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		return k
	case "p384":
		k, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		return k
	case "rsa2048":
		k, _ := rsa.GenerateKey(rand.Reader, 2048)
		return k
	case "ed25519":
		_, k, _ := ed25519.GenerateKey(rand.Reader)
		return k
	}
	panic("unknown issuer " + kind)
}

func ski(pub crypto.PublicKey) []byte {
	der, _ := x509.MarshalPKIXPublicKey(pub)
	var info struct {
		Algorithm pkix.AlgorithmIdentifier
		PublicKey asn1.BitString
	}
	asn1.Unmarshal(der, &info)
	h := sha1.Sum(info.PublicKey.Bytes)
	return h[:]
}

func serial() *big.Int {
	b := make([]byte, 20)
	rand.Read(b)
	b[0] &= 0x7f
	return new(big.Int).SetBytes(b)
}

func main() {
	name := os.Args[1]
	ms, _ := strconv.Atoi(os.Args[2])
	var issuerKind, mode string
	fmt.Sscanf(name, "%s", &name)
	switch name {
	case "leaf-p256", "leaf-p384", "leaf-rsa2048", "leaf-ed25519":
		mode, issuerKind = "leaf", name[5:]
	case "csr-p256", "csr-rsa2048":
		mode, issuerKind = "csr", name[4:]
	case "parse-cert-p256", "parse-csr-p256":
		mode, issuerKind = name[:len(name)-5], "p256"
	default:
		panic("unknown case " + name)
	}
	caKey := issuerKey(issuerKind)
	now := time.Now().Round(time.Minute).Add(-5 * time.Minute)
	caTpl := &x509.Certificate{
		SerialNumber: serial(), Subject: pkix.Name{CommonName: "bench CA", Organization: []string{"cfssl-ts"}},
		NotBefore: now, NotAfter: now.Add(43800 * time.Hour), KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true, IsCA: true, SubjectKeyId: ski(caKey.Public()),
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTpl, caTpl, caKey.Public(), caKey)
	if err != nil {
		panic(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	leafKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	subject := pkix.Name{Country: []string{"CN"}, Province: []string{"BeiJing"}, Locality: []string{"BeiJing"}, CommonName: "etcd"}
	csrDER, _ := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject: subject, DNSNames: []string{"etcd-1.example", "etcd-2.example"}, IPAddresses: []net.IP{net.ParseIP("10.0.0.1")},
	}, leafKey)

	issue := func(pub crypto.PublicKey, subj pkix.Name, dns []string, ips []net.IP) []byte {
		tpl := &x509.Certificate{
			SerialNumber: serial(), Subject: subj, NotBefore: now, NotAfter: now.Add(8760 * time.Hour),
			KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
			ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
			BasicConstraintsValid: true, SubjectKeyId: ski(pub), DNSNames: dns, IPAddresses: ips,
		}
		der, err := x509.CreateCertificate(rand.Reader, tpl, ca, pub, caKey)
		if err != nil {
			panic(err)
		}
		return der
	}
	leafDER := issue(&leafKey.PublicKey, subject, []string{"etcd-1.example", "etcd-2.example"}, []net.IP{net.ParseIP("10.0.0.1")})
	deadline := time.Now().Add(time.Duration(ms) * time.Millisecond)
	start := time.Now()
	ops := 0
	for time.Now().Before(deadline) {
		switch mode {
		case "leaf":
			issue(&leafKey.PublicKey, subject, []string{"etcd-1.example", "etcd-2.example"}, []net.IP{net.ParseIP("10.0.0.1")})
		case "parse-cert":
			if _, err := x509.ParseCertificate(leafDER); err != nil {
				panic(err)
			}
		case "parse-csr":
			if _, err := x509.ParseCertificateRequest(csrDER); err != nil {
				panic(err)
			}
		default:
			csr, err := x509.ParseCertificateRequest(csrDER)
			if err != nil {
				panic(err)
			}
			if err := csr.CheckSignature(); err != nil {
				panic(err)
			}
			issue(csr.PublicKey, csr.Subject, csr.DNSNames, csr.IPAddresses)
		}
		ops++
	}
	out, _ := json.Marshal(map[string]interface{}{"case": name, "ops": ops, "seconds": time.Since(start).Seconds()})
	fmt.Println(string(out))
}
