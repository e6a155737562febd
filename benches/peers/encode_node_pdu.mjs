// node-pdu's SMS-SUBMIT generation over a JSON Lines workload, timed in process: for each
// message `new Submit(to, text).getPartStrings()` (every part's whole PDU in hex, with its
// concatenation header). Prints one JSON object: messages, best seconds of three rounds, the
// part count of every message. Run by encode_peers.sh, which installs node-pdu.
//
//   node encode_node_pdu.mjs NODE_PREFIX WORKLOAD.jsonl TO
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [prefix, file, to] = process.argv.slice(2);
const require = createRequire(prefix + "/package.json");
const { Submit } = require("node-pdu");
const messages = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l).text);

const encode = (list) => list.map((m) => new Submit(to, m).getPartStrings().length);
encode(messages.slice(0, 1000)); // warm up
let best = Infinity;
let bestCpu = Infinity;
let parts = [];
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  parts = encode(messages);
  const used = process.cpuUsage(cpu);
  best = Math.min(best, performance.now() - t);
  bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
}
console.log(JSON.stringify({ peer: "node-pdu", messages: messages.length, seconds: best / 1000, cpu_seconds: bestCpu / 1000, parts }));
