/**
 * Certificates for the test cluster's SASL_SSL listener, made with openssl into <data dir>/tls/ the first time and
 * reused while they are complete and valid (checked in-process with node:crypto, no openssl run on a normal start):
 *
 * - ca.pem / ca.key: the test CA, which signs everything below
 * - broker-keystore.pem: the brokers' PEM key store (PKCS#8 key, unencrypted, then the certificate chain), for
 *   `ssl.keystore.type=PEM`; the certificate names IP:127.0.0.1 and DNS:localhost
 * - client.pem / client.key: a client certificate (mutual TLS); client-keystore.pem holds both, as a Java client's
 *   `ssl.keystore.type=PEM` file does
 * - other-ca.pem, other-client-keystore.pem (and its parts): an unrelated CA and a client certificate it signed, to
 *   test that a wrong CA is refused on either side
 */
import { execFile } from "node:child_process";
import { createPrivateKey, randomBytes, X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TlsFiles {
  dir: string;
  ca: string;
  caKey: string;
  brokerCert: string;
  brokerKey: string;
  brokerKeystore: string;
  clientCert: string;
  clientKey: string;
  clientKeystore: string;
  otherCa: string;
  otherCaKey: string;
  otherClientCert: string;
  otherClientKey: string;
  otherClientKeystore: string;
}

export function tlsFiles(dataDir: string): TlsFiles {
  const dir = join(dataDir, "tls");
  const at = (name: string) => join(dir, name);
  return {
    dir,
    ca: at("ca.pem"),
    caKey: at("ca.key"),
    brokerCert: at("broker.pem"),
    brokerKey: at("broker.key"),
    brokerKeystore: at("broker-keystore.pem"),
    clientCert: at("client.pem"),
    clientKey: at("client.key"),
    clientKeystore: at("client-keystore.pem"),
    otherCa: at("other-ca.pem"),
    otherCaKey: at("other-ca.key"),
    otherClientCert: at("other-client.pem"),
    otherClientKey: at("other-client.key"),
    otherClientKeystore: at("other-client-keystore.pem"),
  };
}

const OPENSSL_CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

const DAYS = "3650";
/** Certificates this close to expiry are made again. */
const MIN_REMAINING_MS = 30 * 24 * 3600_000;

/** A certificate that is there, not near expiry, signed by `issuer` and holding the key next to it. */
function certificateOk(certPath: string, keyPath: string, issuer?: X509Certificate): X509Certificate | undefined {
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    if (Date.parse(cert.validTo) - Date.now() < MIN_REMAINING_MS) return undefined;
    if (!cert.checkPrivateKey(createPrivateKey(readFileSync(keyPath)))) return undefined;
    const signer = issuer ?? cert;
    if (!cert.checkIssued(signer) || !cert.verify(signer.publicKey)) return undefined;
    return cert;
  } catch {
    return undefined;
  }
}

/** True when every file is there and valid, so nothing needs making. */
export function tlsFilesValid(files: TlsFiles): boolean {
  const ca = certificateOk(files.ca, files.caKey);
  const otherCa = certificateOk(files.otherCa, files.otherCaKey);
  if (!ca || !otherCa) return false;
  const broker = certificateOk(files.brokerCert, files.brokerKey, ca);
  if (!broker || broker.checkIP("127.0.0.1") === undefined || broker.checkHost("localhost") === undefined) return false;
  if (![files.brokerKeystore, files.clientKeystore, files.otherClientKeystore].every((f) => existsSync(f)))
    return false;
  return Boolean(
    certificateOk(files.clientCert, files.clientKey, ca) &&
    certificateOk(files.otherClientCert, files.otherClientKey, otherCa),
  );
}

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await run("openssl", args, { cwd, timeout: 60_000 });
  } catch (error) {
    const stderr =
      error instanceof Error && "stderr" in error
        ? String((error as { stderr: unknown }).stderr).trim()
        : String(error);
    throw new Error(
      `openssl ${args[0] ?? ""} failed while making the test cluster's certificates: ` +
        `${stderr.split("\n").slice(-5).join("\n")}`,
    );
  }
}

async function makeCa(cwd: string, name: string, commonName: string): Promise<void> {
  await openssl(cwd, ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", `${name}.key`]);
  await openssl(
    cwd,
    ["req", "-config", "openssl.cnf", "-x509", "-new", "-key", `${name}.key`, "-subj", `/CN=${commonName}`].concat([
      "-days",
      DAYS,
      "-sha256",
      "-extensions",
      "ca",
      "-out",
      `${name}.pem`,
    ]),
  );
}

async function makeLeaf(
  cwd: string,
  name: string,
  commonName: string,
  ca: string,
  extensions: "server" | "client",
): Promise<void> {
  await openssl(cwd, ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", `${name}.key`]);
  await openssl(cwd, [
    "req",
    "-config",
    "openssl.cnf",
    "-new",
    "-key",
    `${name}.key`,
    "-subj",
    `/CN=${commonName}`,
    "-out",
    `${name}.csr`,
  ]);
  await openssl(
    cwd,
    ["x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}.key`]
      .concat(["-set_serial", `0x${randomBytes(12).toString("hex")}`, "-days", DAYS, "-sha256"])
      .concat(["-extfile", "openssl.cnf", "-extensions", extensions, "-out", `${name}.pem`]),
  );
  rmSync(join(cwd, `${name}.csr`));
}

/**
 * Makes the test cluster's certificates unless valid ones are there already. Made in a staging folder and moved
 * into place whole, so an interrupted run never leaves half a set. Returns true when it made new ones (brokers
 * running with the old ones must then restart).
 */
export async function ensureTlsFiles(dataDir: string, log: (line: string) => void = console.log): Promise<boolean> {
  const files = tlsFiles(dataDir);
  if (tlsFilesValid(files)) return false;
  log("Making the test cluster's TLS certificates (CA, broker, client) with openssl...");
  const staging = `${files.dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, "openssl.cnf"), OPENSSL_CONFIG);
  await makeCa(staging, "ca", "Kafka Console test CA");
  await makeCa(staging, "other-ca", "Unrelated test CA");
  await makeLeaf(staging, "broker", "localhost", "ca", "server");
  await makeLeaf(staging, "client", "console", "ca", "client");
  await makeLeaf(staging, "other-client", "console", "other-ca", "client");
  const concat = (target: string, parts: string[]) =>
    writeFileSync(
      join(staging, target),
      `${parts.map((f) => readFileSync(join(staging, f), "utf8").trimEnd()).join("\n")}\n`,
    );
  concat("broker-keystore.pem", ["broker.key", "broker.pem", "ca.pem"]);
  concat("client-keystore.pem", ["client.key", "client.pem"]);
  concat("other-client-keystore.pem", ["other-client.key", "other-client.pem"]);
  rmSync(files.dir, { recursive: true, force: true });
  renameSync(staging, files.dir);
  if (!tlsFilesValid(files))
    throw new Error(`The certificates made in ${files.dir} do not check out; see the files there.`);
  return true;
}
