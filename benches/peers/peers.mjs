// The peer comparison: one deterministic 100,000-message workload (about 80% GSM text, 15% with
// smart punctuation, 5% emoji/CJK) through septet natively, septet-wasm, split-sms@0.1.7 and
// sms-segments-calculator@1.3.0, in one run; prints messages/s, MB/s, ratios, and where the
// segment counts differ and why. Also times `septet batch` over the workload end to end.
//
//   node benches/peers/peers.mjs          (after wasm/build.sh; ./test.sh builds it)
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { workload } from "./workload.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(new URL("../../wasm/package.json", import.meta.url));
const splitSms = require("split-sms");
const { SegmentedMessage } = require("sms-segments-calculator");
const septet = await import(new URL("../../wasm/pkg/septet.node.mjs", import.meta.url));

// ---- workload ----------------------------------------------------------------------------
const N = 100_000;
const messages = workload(N);
const bytes = messages.reduce((s, m) => s + Buffer.byteLength(m), 0);
const dir = root + "target/peers/";
mkdirSync(dir, { recursive: true });
const file = dir + "workload.jsonl";
writeFileSync(file, messages.map((text, id) => JSON.stringify({ id, text })).join("\n") + "\n");

// ---- runners ----------------------------------------------------------------------------
function time(label, list, count) {
  count(list.slice(0, 200)); // warm up
  let best = Infinity;
  let segments = [];
  const rounds = list.length > 20_000 ? 3 : 1;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    segments = count(list);
    best = Math.min(best, performance.now() - t);
  }
  const b = list.reduce((s, m) => s + Buffer.byteLength(m), 0);
  return { label, messages: list.length, seconds: best / 1000, rate: list.length / (best / 1000), mbps: b / (best / 1000) / 1e6, segments };
}

const wasmCount = (list) => list.map((m) => septet.segmentsCount(m));
const wasmAnalyze = (list) => list.map((m) => septet.analyze(m).parts);
const splitSmsCount = (list) => list.map((m) => splitSms.split(m).parts.length);
const calculatorCount = (list) => list.map((m) => new SegmentedMessage(m, "auto", false).segmentsCount);

const results = [];
const native = JSON.parse(execFileSync("cargo", ["run", "-q", "--release", "-p", "septet-cli", "--example", "peers", "--", file], { cwd: root, encoding: "utf8" }));
results.push({ label: "septet (native Rust)", messages: native.messages, seconds: native.seconds, rate: native.messages_per_second, mbps: native.mb_per_second, total: native.segments });
const wasm = time("septet-wasm segmentsCount", messages, wasmCount);
const wasmFull = time("septet-wasm analyze (full)", messages, wasmAnalyze);
const split = time("split-sms@0.1.7", messages, splitSmsCount);
// sms-segments-calculator runs about a thousand messages a second: time it on a 5,000-message
// slice of the same workload and compare rates per message.
const calcSlice = messages.slice(0, 5_000);
const calc = time("sms-segments-calculator@1.3.0", calcSlice, calculatorCount);
for (const r of [wasm, wasmFull, split, calc]) results.push({ ...r, total: r.segments.reduce((a, b) => a + b, 0) });

// `septet batch` end to end: parse, analyse, serialise 100,000 JSON lines.
execFileSync("cargo", ["build", "-q", "--release", "-p", "septet-cli"], { cwd: root });
let batchBest = Infinity;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  execFileSync(root + "target/release/septet", ["batch", file], { maxBuffer: 1 << 30 });
  batchBest = Math.min(batchBest, performance.now() - t);
}

// ---- report -------------------------------------------------------------------------------
const pad = (s, n) => String(s).padEnd(n);
const num = (x) => x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(2);
console.log(`workload: ${N.toLocaleString("en-US")} messages, ${(bytes / 1e6).toFixed(2)} MB (80% GSM, 15% smart punctuation, 5% emoji/CJK)\n`);
console.log(pad("implementation", 32) + pad("messages", 10) + pad("messages/s", 14) + pad("MB/s", 10) + pad("vs split-sms", 14) + "vs sms-segments-calculator");
for (const r of results) {
  console.log(pad(r.label, 32) + pad(r.messages, 10) + pad(num(r.rate), 14) + pad(num(r.mbps), 10) + pad(num(r.rate / split.rate) + "x", 14) + num(r.rate / calc.rate) + "x");
}
console.log(`\nseptet batch, ${N.toLocaleString("en-US")} JSON lines end to end: ${(batchBest / 1000).toFixed(3)} s`);

// Agreement on segment counts (septet with default options: no smart encoding, units split).
const ours = wasm.segments;
console.log(`\ntotal segments: septet native ${native.segments}, septet-wasm ${results[1].total}, split-sms ${results[3].total}`);
function disagreements(name, theirs) {
  const diff = [];
  theirs.forEach((s, i) => { if (s !== ours[i]) diff.push(i); });
  console.log(`${name}: ${diff.length} of ${theirs.length} messages differ from septet`);
  for (const i of diff.slice(0, 3)) console.log(`  septet ${ours[i]}, ${name} ${theirs[i]}: ${JSON.stringify(messages[i]).slice(0, 110)}`);
  return diff.length;
}
disagreements("split-sms", split.segments);
disagreements("sms-segments-calculator", calc.segments);
if (native.segments !== results[1].total || results[1].total !== results[2].total) {
  console.error("native and wasm septet disagree");
  process.exit(1);
}
