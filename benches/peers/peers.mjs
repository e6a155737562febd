// The peer comparison: one deterministic 100,000-message workload (about 80% GSM text, 15% with
// smart punctuation, 5% emoji/CJK) through septet natively, septet-wasm, split-sms@0.1.7 and
// sms-segments-calculator@1.3.0, in one run; prints messages/s, MB/s, ratios, and where the
// segment counts differ and why. Also times `septet batch` over the workload end to end.
//
// septet-wasm runs the ways a program calls it: `segmentsCount(m)`; with non-default options
// (smart encoding, the carrier-safe charset) as a page passes them, a new options object with
// every call; a `Counter` made once from those options; `countMany` over the whole list; and
// the full `analyze`. The rounds of septet-wasm and split-sms alternate, so that load from
// other processes falls on both alike.
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
/** Times each runner `{ label, list, count }` over its list, `rounds` rounds with the runners
 * alternating, and keeps each one's best round, by the wall clock and by the CPU time the
 * process used (user + system: what the work cost, whatever else shares the cores). */
function timeAll(runners, rounds) {
  for (const r of runners) r.count(r.list.slice(0, 2_000)); // warm up
  const wall = runners.map(() => Infinity);
  const cpu = runners.map(() => Infinity);
  const segments = [];
  for (let round = 0; round < rounds; round++) {
    runners.forEach((r, i) => {
      const t = performance.now();
      const c = process.cpuUsage();
      segments[i] = r.count(r.list);
      const used = process.cpuUsage(c);
      wall[i] = Math.min(wall[i], performance.now() - t);
      cpu[i] = Math.min(cpu[i], (used.user + used.system) / 1000);
    });
  }
  return runners.map((r, i) => {
    const b = r.list.reduce((s, m) => s + Buffer.byteLength(m), 0);
    const seconds = wall[i] / 1000;
    const cpuSeconds = cpu[i] / 1000;
    const total = segments[i].reduce((a, c) => a + c, 0);
    return { label: r.label, messages: r.list.length, seconds, rate: r.list.length / seconds, mbps: b / seconds / 1e6,
      cpuRate: r.list.length / cpuSeconds, segments: segments[i], total };
  });
}

// The non-default options a page would pass (and the field it would read).
const OPTIONS = { smartEncoding: true, charset: "carrier-safe" };
const counter = new septet.Counter(OPTIONS);
const wasmRunners = [
  { label: "septet-wasm segmentsCount(m)", list: messages, count: (list) => list.map((m) => septet.segmentsCount(m)) },
  { label: "septet-wasm segmentsCount(m, {…})", list: messages,
    count: (list) => list.map((m) => septet.segmentsCount(m, { smartEncoding: true, charset: "carrier-safe" })) },
  { label: "septet-wasm Counter", list: messages, count: (list) => list.map((m) => counter.segmentsCount(m)) },
  { label: "septet-wasm countMany(list, {…})", list: messages, count: (list) => counter.countMany(list).segments },
  { label: "septet-wasm analyze (full)", list: messages, count: (list) => list.map((m) => septet.analyze(m).parts) },
];
const splitRunner = { label: "split-sms@0.1.7", list: messages, count: (list) => list.map((m) => splitSms.split(m).parts.length) };
// sms-segments-calculator runs about a thousand messages a second: time it on a 5,000-message
// slice of the same workload and compare rates per message.
const calcRunner = { label: "sms-segments-calculator@1.3.0", list: messages.slice(0, 5_000),
  count: (list) => list.map((m) => new SegmentedMessage(m, "auto", false).segmentsCount) };

const native = JSON.parse(execFileSync("cargo", ["run", "-q", "--release", "-p", "septet-cli", "--example", "peers", "--", file], { cwd: root, encoding: "utf8" }));
const timed = timeAll([...wasmRunners, splitRunner], 5);
const [wasm, wasmOptions, wasmCounter, wasmMany, wasmFull, split] = timed;
const [calc] = timeAll([calcRunner], 1);
const results = [
  { label: "septet (native Rust)", messages: native.messages, seconds: native.seconds, rate: native.messages_per_second, mbps: native.mb_per_second, total: native.segments },
  ...timed,
  calc,
];

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
console.log(pad("implementation", 38) + pad("messages", 10) + pad("messages/s", 14) + pad("MB/s", 10) + pad("vs split-sms", 14) + pad("(by CPU time)", 15) + pad("vs sms-segments-calculator", 28) + "total segments");
for (const r of results) {
  const byCpu = r.cpuRate ? num(r.cpuRate / split.cpuRate) + "x" : "";
  console.log(pad(r.label, 38) + pad(r.messages, 10) + pad(num(r.rate), 14) + pad(num(r.mbps), 10) + pad(num(r.rate / split.rate) + "x", 14) + pad(byCpu, 15) + pad(num(r.rate / calc.rate) + "x", 28) + r.total);
}
console.log("(best of 5 alternating rounds; \"by CPU time\": the same ratio from the CPU time the process used in each round, which other processes on the machine do not inflate)");
console.log(`({…}: ${JSON.stringify(OPTIONS)}, a new object each call; Counter and countMany made from it)`);
console.log(`\nseptet batch, ${N.toLocaleString("en-US")} JSON lines end to end: ${(batchBest / 1000).toFixed(3)} s`);

// Agreement on segment counts (septet with default options: no smart encoding, units split).
const ours = wasm.segments;
function disagreements(name, theirs) {
  const diff = [];
  theirs.forEach((s, i) => { if (s !== ours[i]) diff.push(i); });
  console.log(`${name}: ${diff.length} of ${theirs.length} messages differ from septet`);
  for (const i of diff.slice(0, 3)) console.log(`  septet ${ours[i]}, ${name} ${theirs[i]}: ${JSON.stringify(messages[i]).slice(0, 110)}`);
  return diff.length;
}
disagreements("split-sms", split.segments);
disagreements("sms-segments-calculator", calc.segments);
if (native.segments !== wasm.total || wasm.total !== wasmFull.total) {
  console.error("native and wasm septet disagree");
  process.exit(1);
}
// The ways of counting with options agree message by message, and with the full analysis.
const analyzed = messages.map((m) => septet.analyze(m, OPTIONS).parts);
for (const r of [wasmOptions, wasmCounter, wasmMany]) {
  const differs = analyzed.findIndex((parts, i) => r.segments[i] !== parts);
  if (differs !== -1) {
    console.error(`${r.label} and analyze(m, options) disagree on message ${differs}`);
    process.exit(1);
  }
}
console.log(`with options, every way of counting gives analyze's ${wasmOptions.total} segments, message by message`);
