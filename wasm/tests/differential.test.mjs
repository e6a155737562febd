// A generated corpus of a few thousand varied messages through the wasm package and through the
// native `septet batch`: identical results, field by field (errors included).
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import septet from "./load.mjs";
import { prng, message, lineOptions } from "./corpus.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const out = fileURLToPath(new URL("../test-output/", import.meta.url));

test("wasm and native septet batch agree on 4000 messages", () => {
  const rand = prng(20261122);
  const lines = [];
  for (let id = 0; id < 4000; id++) {
    lines.push({ id, text: message(rand), ...lineOptions(rand) });
  }
  mkdirSync(out, { recursive: true });
  const corpus = out + "differential.jsonl";
  writeFileSync(corpus, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  const flags = ["--parts", "--rate", "0.0051", "--currency", "USD", "--max-parts", "20", "--warn-parts", "3"];
  // Exit code 1 says some lines were rejected, as some are meant to be.
  const run = spawnSync("cargo", ["run", "-q", "--release", "-p", "septet-cli", "--", "batch", ...flags, corpus], {
    cwd: root, maxBuffer: 1 << 30, encoding: "utf8",
  });
  assert.ok(run.status === 0 || run.status === 1, `septet batch exited with ${run.status}: ${run.stderr}`);
  const native = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(native.length, lines.length);
  let errors = 0;
  for (const [i, line] of lines.entries()) {
    const expected = native[i];
    assert.equal(expected.id, line.id);
    delete expected.id;
    const options = {
      parts: true, rate: "0.0051", currency: "USD", maxParts: 20, warnParts: 3,
      smartEncoding: line.smart_encoding, encoding: line.encoding, sender: line.sender,
      charset: line.charset, split: line.split,
    };
    let actual;
    try {
      actual = septet.analyze(line.text, options);
    } catch (e) {
      errors++;
      assert.ok(expected.error, `line ${i}: wasm threw ${e.message} but native gave a result`);
      assert.equal(e.code, expected.error.code);
      assert.deepEqual(e.data, expected.error, `line ${i}`);
      continue;
    }
    assert.deepEqual(actual, expected, `line ${i}: ${JSON.stringify(line)}`);
  }
  assert.ok(errors > 0 && errors < lines.length / 4, `${errors} rejections`);
});
