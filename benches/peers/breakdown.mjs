// Where a septet-wasm counting call's time goes in Node, on the peer comparison's 100,000-message
// workload: the whole call with and without options beside split-sms, then its pieces measured
// alone (the well-formedness check, `TextEncoder.encodeInto` into the module's memory, the wasm
// call with the default options and with an options object, an empty wasm call). Best of five
// rounds each, in one process, as nanoseconds per message; compare within one run.
//
//   node benches/peers/breakdown.mjs          (after wasm/build.sh)
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { workload } from "./workload.mjs";

const require = createRequire(new URL("../../wasm/package.json", import.meta.url));
const splitSms = require("split-sms");
const septet = await import(new URL("../../wasm/pkg/septet.js", import.meta.url));
const raw = await import(new URL("../../wasm/pkg/septet_wasm.js", import.meta.url));
septet.initSync({ module: readFileSync(new URL("../../wasm/pkg/septet_wasm_bg.wasm", import.meta.url)) });

const messages = workload(100_000);
const encoder = new TextEncoder();
const options = { smartEncoding: true, charset: "carrier-safe" };

function time(label, count) {
  count(messages.slice(0, 2000)); // warm up
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    count(messages);
    best = Math.min(best, performance.now() - t);
  }
  const ns = (best / messages.length) * 1e6;
  console.log(label.padEnd(64) + ns.toFixed(0).padStart(7) + " ns/message");
  return ns;
}
const sum = (f) => (list) => list.reduce((s, m) => s + f(m), 0);

const split = time("split-sms: split(m).parts.length", sum((m) => splitSms.split(m).parts.length));
const plain = time("septet-wasm: segmentsCount(m)", sum((m) => septet.segmentsCount(m)));
const fresh = time("septet-wasm: segmentsCount(m, {…}) (an options object per call)",
  sum((m) => septet.segmentsCount(m, { smartEncoding: true, charset: "carrier-safe" })));
const reused = time("septet-wasm: segmentsCount(m, options) (one options object)", sum((m) => septet.segmentsCount(m, options)));
const counter = new septet.Counter(options);
const counted = time("septet-wasm: counter.segmentsCount(m) (new Counter(options))", sum((m) => counter.segmentsCount(m)));
const many = time("septet-wasm: countMany(messages, options) (one call)",
  (list) => septet.countMany(list, options).segments.reduce((a, b) => a + b, 0));
console.log("pieces:");
// The input buffer, taken after septet.js has sized it (growing it moves it): 64 KiB is more than
// either asks for here.
const capacity = 1 << 16;
const pointer = raw.inputBuffer(capacity);
const view = new Uint8Array(raw.wasmMemory().buffer, pointer, capacity);
time("  isWellFormed()", sum((m) => (m.isWellFormed() ? 1 : 0)));
const encode = time("  encodeInto(m, module memory)", sum((m) => encoder.encodeInto(m, view).written));
time("  encodeInto + segmentsCountInputDefault(len) (default options)",
  sum((m) => raw.segmentsCountInputDefault(encoder.encodeInto(m, view).written)));
const rawCounter = new raw.Counter(options);
time("  encodeInto + counter segmentsCountInput(len) (options read once)",
  sum((m) => rawCounter.segmentsCountInput(encoder.encodeInto(m, view).written)));
time("  an empty wasm call (inputBuffer(16))", sum(() => raw.inputBuffer(16)));
console.log(`\nsegmentsCount(m): ${(split / plain).toFixed(1)}x split-sms; with an options object per call: ` +
  `${(split / fresh).toFixed(1)}x; with one options object: ${(split / reused).toFixed(1)}x; ` +
  `counter.segmentsCount(m): ${(split / counted).toFixed(1)}x; countMany: ${(split / many).toFixed(1)}x ` +
  `(encodeInto alone is ${((encode / plain) * 100).toFixed(0)}% of segmentsCount(m))`);
