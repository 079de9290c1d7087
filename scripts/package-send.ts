/**
 * A sender's reference client for data packages (docs/packages.md):
 *
 *   npm run package:send -- --keygen --out school            writes school.key (private) and school.pub (register it)
 *   npm run package:send -- --key school.key --file p.json   builds, signs and sends; prints the receipt
 *
 * `--file` holds a package, or only its parts (`sender`, `form`, `year`, `period`, `payload`): the
 * format, a fresh id and the sending time are filled in. `--url` (default http://localhost:3000) names the
 * portal; the receipt is also written to <file>.receipt.json. Exit code 0: accepted; 2: not accepted.
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { flags, run } from "./cli";
import { fingerprint, generateKeyPair } from "../lib/packages/crypto";
import { PACKAGE_FORMAT, type DataPackageBody } from "../lib/packages/format";
import { buildPackage, sendPackage, signPackage } from "../lib/packages/sender";

await run(async () => {
  const f = flags();
  if (f.keygen) {
    const out = typeof f.out === "string" ? f.out : "package-key";
    const pair = generateKeyPair();
    writeFileSync(`${out}.key`, pair.privateKey, { mode: 0o600 });
    writeFileSync(`${out}.pub`, pair.publicKey);
    console.log(`${out}.key and ${out}.pub written; key id ${fingerprint(pair.publicKey)}`);
    return;
  }
  if (typeof f.key !== "string" || typeof f.file !== "string")
    throw new Error("Usage: --key FILE.key --file PACKAGE.json [--url http://localhost:3000]  |  --keygen --out NAME");
  const privateKey = readFileSync(f.key, "utf8");
  const publicKey = createPublicKey(createPrivateKey(privateKey)).export({ type: "spki", format: "pem" }).toString();
  const input = JSON.parse(readFileSync(f.file, "utf8")) as Partial<DataPackageBody>;
  const body =
    input.format === PACKAGE_FORMAT && input.id && input.createdAt
      ? (input as DataPackageBody)
      : buildPackage({
          bin: input.sender!.bin,
          form: input.form!,
          year: input.year!,
          period: input.period!,
          values: input.payload?.values ?? {},
          comments: input.payload?.comments,
        });
  const signed = signPackage(body, { publicKey, privateKey });
  const url = typeof f.url === "string" ? f.url : "http://localhost:3000";
  const { status, receipt } = await sendPackage(url, signed);
  writeFileSync(`${f.file}.receipt.json`, JSON.stringify(receipt, null, 2));
  console.log(JSON.stringify({ status, packageId: body.id, keyId: signed.keyId, ...receipt }, null, 2));
  if (receipt.receipt?.verdict !== "accepted") process.exitCode = 2;
});
