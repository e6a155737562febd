// Where a septet-wasm counting call's time goes in Node, on the peer comparison's 100,000-message
// workload: the whole call with and without options beside split-sms, then its pieces measured
// alone (the well-formedness check, `TextEncoder.encodeInto` into the module's memory, the wasm
// call with the default options and with an options object, an empty wasm call). Best of five
// rounds each, in one process, as nanoseconds per message by the wall clock and by the CPU time
// the process used (which other processes on a shared machine do not inflate); compare within
// one run.
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
  let bestCpu = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    count(messages);
    const used = process.cpuUsage(c);
    best = Math.min(best, performance.now() - t);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
  }
  const ns = (best / messages.length) * 1e6;
  const cpuNs = (bestCpu / messages.length) * 1e6;
  console.log(label.padEnd(68) + ns.toFixed(0).padStart(7) + " ns/message" + cpuNs.toFixed(0).padStart(8) + " ns CPU");
  cpu.set(ns, cpuNs);
  return ns;
}
// CPU time by wall time, for the ratios printed at the end.
const cpu = new Map();
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
  sum((m) => raw.segmentsCountInputDefault(encoder.encodeInto(m, view).written) >>> 1));
const rawCounter = new raw.Counter(options);
time("  encodeInto + counter segmentsCountInput(len) (options read once)",
  sum((m) => rawCounter.segmentsCountInput(encoder.encodeInto(m, view).written) >>> 1));
time("  an empty wasm call (inputBuffer(16))", sum(() => raw.inputBuffer(16)));
const ratios = (by) => `segmentsCount(m) ${(by(split) / by(plain)).toFixed(1)}x; with an options object per call ` +
  `${(by(split) / by(fresh)).toFixed(1)}x; with one options object ${(by(split) / by(reused)).toFixed(1)}x; ` +
  `counter.segmentsCount(m) ${(by(split) / by(counted)).toFixed(1)}x; countMany ${(by(split) / by(many)).toFixed(1)}x`;
console.log(`\nvs split-sms, wall clock: ${ratios((ns) => ns)}`);
console.log(`vs split-sms, CPU time:   ${ratios((ns) => cpu.get(ns))}`);
console.log(`(encodeInto alone is ${((encode / plain) * 100).toFixed(0)}% of segmentsCount(m))`);
