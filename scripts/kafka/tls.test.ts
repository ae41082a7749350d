import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTlsFiles, tlsFiles, tlsFilesValid } from "./tls";

const dataDir = mkdtempSync(join(tmpdir(), "kafka-tls-"));
const files = tlsFiles(dataDir);
const cert = (path: string) => new X509Certificate(readFileSync(path));

beforeAll(async () => {
  expect(await ensureTlsFiles(dataDir, () => undefined)).toBe(true);
}, 60_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the test cluster's certificates (made with openssl)", () => {
  it("has a broker certificate for 127.0.0.1 and localhost, signed by the test CA and not by the other one", () => {
    const broker = cert(files.brokerCert);
    expect(broker.subjectAltName).toBe("IP Address:127.0.0.1, DNS:localhost");
    expect(broker.verify(cert(files.ca).publicKey)).toBe(true);
    expect(broker.verify(cert(files.otherCa).publicKey)).toBe(false);
    expect(cert(files.ca).ca).toBe(true);
    expect(broker.ca).toBe(false);
  });

  it(
    "writes the brokers' PEM key store as Kafka reads it: an unencrypted PKCS#8 key, then the chain up to " + "the CA",
    () => {
      const blocks = [...readFileSync(files.brokerKeystore, "utf8").matchAll(/-----BEGIN ([A-Z ]+)-----/g)].map(
        (m) => m[1],
      );
      expect(blocks).toEqual(["PRIVATE KEY", "CERTIFICATE", "CERTIFICATE"]);
      const clientBlocks = [...readFileSync(files.clientKeystore, "utf8").matchAll(/-----BEGIN ([A-Z ]+)-----/g)].map(
        (m) => m[1],
      );
      expect(clientBlocks).toEqual(["PRIVATE KEY", "CERTIFICATE"]);
      expect(cert(files.clientCert).verify(cert(files.ca).publicKey)).toBe(true);
      expect(cert(files.otherClientCert).verify(cert(files.otherCa).publicKey)).toBe(true);
    },
  );

  it("reuses valid certificates, and makes them again when one is missing or damaged", async () => {
    const made = statSync(files.ca).mtimeMs;
    expect(await ensureTlsFiles(dataDir, () => undefined)).toBe(false);
    expect(statSync(files.ca).mtimeMs).toBe(made);

    rmSync(files.clientKeystore);
    expect(tlsFilesValid(files)).toBe(false);
    expect(await ensureTlsFiles(dataDir, () => undefined)).toBe(true);

    writeFileSync(files.brokerCert, readFileSync(files.otherClientCert)); // the right file name, the wrong certificate
    expect(tlsFilesValid(files)).toBe(false);
    expect(await ensureTlsFiles(dataDir, () => undefined)).toBe(true);
    expect(tlsFilesValid(files)).toBe(true);
  }, 60_000);
});
