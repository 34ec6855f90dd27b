// Command go-nameconstraints writes, for each case of fixtures/name-constraints/cases.json, the
// TBSCertificate and nameConstraints extension Go's crypto/x509 makes for a CA with those constraints.
// Its output is fixtures/name-constraints/go-output.json (see that directory's README).
package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"os"
	"runtime"
	"time"
)

type constraints struct {
	PermittedDNSDomains     []string `json:"permitted_dns_domains"`
	ExcludedDNSDomains      []string `json:"excluded_dns_domains"`
	PermittedIPRanges       []string `json:"permitted_ip_ranges"`
	ExcludedIPRanges        []string `json:"excluded_ip_ranges"`
	PermittedEmailAddresses []string `json:"permitted_email_addresses"`
	ExcludedEmailAddresses  []string `json:"excluded_email_addresses"`
	PermittedURIDomains     []string `json:"permitted_uri_domains"`
	ExcludedURIDomains      []string `json:"excluded_uri_domains"`
	Critical                bool     `json:"critical"`
}

type inputCase struct {
	Name            string      `json:"name"`
	NameConstraints constraints `json:"name_constraints"`
}

type outputCase struct {
	Name      string `json:"name"`
	Critical  bool   `json:"critical"`
	Extension string `json:"extension_value_hex"`
	TBS       string `json:"tbs_hex"`
}

type output struct {
	GoVersion string       `json:"go_version"`
	Template  string       `json:"template"`
	SPKI      string       `json:"spki_hex"`
	Cases     []outputCase `json:"cases"`
}

func cidrs(list []string) []*net.IPNet {
	var out []*net.IPNet
	for _, s := range list {
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			panic(err)
		}
		out = append(out, n)
	}
	return out
}

func main() {
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var cases []inputCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		panic(err)
	}
	// A fixed Ed25519 key: the TBSCertificate does not depend on the signature.
	priv := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	pub := priv.Public()
	spki, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		panic(err)
	}
	out := output{
		GoVersion: runtime.Version(),
		Template: "serial 4660, subject CN=NC Test CA, 2026-01-01T00:00:00Z to 2036-01-01T00:00:00Z, KeyUsage CertSign|CRLSign, " +
			"CA:TRUE, SubjectKeyId 0102030405060708090a0b0c0d0e0f1011121314, IP SAN 10.0.0.1, CRL DP http://crl.example.com/ca.crl, " +
			"self-signed with the Ed25519 key of an all-zero seed",
		SPKI: hex.EncodeToString(spki),
	}
	for _, c := range cases {
		nc := c.NameConstraints
		template := &x509.Certificate{
			SerialNumber:                big.NewInt(0x1234),
			Subject:                     pkix.Name{CommonName: "NC Test CA"},
			NotBefore:                   time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			NotAfter:                    time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC),
			KeyUsage:                    x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
			BasicConstraintsValid:       true,
			IsCA:                        true,
			SubjectKeyId:                []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20},
			IPAddresses:                 []net.IP{net.ParseIP("10.0.0.1")},
			CRLDistributionPoints:       []string{"http://crl.example.com/ca.crl"},
			PermittedDNSDomainsCritical: nc.Critical,
			PermittedDNSDomains:         nc.PermittedDNSDomains,
			ExcludedDNSDomains:          nc.ExcludedDNSDomains,
			PermittedIPRanges:           cidrs(nc.PermittedIPRanges),
			ExcludedIPRanges:            cidrs(nc.ExcludedIPRanges),
			PermittedEmailAddresses:     nc.PermittedEmailAddresses,
			ExcludedEmailAddresses:      nc.ExcludedEmailAddresses,
			PermittedURIDomains:         nc.PermittedURIDomains,
			ExcludedURIDomains:          nc.ExcludedURIDomains,
		}
		der, err := x509.CreateCertificate(rand.Reader, template, template, pub, priv)
		if err != nil {
			panic(fmt.Sprintf("%s: %v", c.Name, err))
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			panic(err)
		}
		oc := outputCase{Name: c.Name, TBS: hex.EncodeToString(cert.RawTBSCertificate)}
		for _, e := range cert.Extensions {
			if e.Id.Equal([]int{2, 5, 29, 30}) {
				oc.Critical = e.Critical
				oc.Extension = hex.EncodeToString(e.Value)
			}
		}
		out.Cases = append(out.Cases, oc)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
