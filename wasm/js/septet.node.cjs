// septet-wasm for Node (the `node` export condition, `require`): wasm-bindgen's `--target nodejs`
// glue reads septet_wasm_bg.wasm from this package's own folder (never from the current
// directory) and instantiates it synchronously, so the functions work straight after `require`.
// septet.node.mjs re-exports this module, so ES-module and CommonJS users in one process share
// one instance.
"use strict";

const raw = require("./septet_wasm_node.cjs");
const { withFastInput } = require("./fast-input.cjs");

const fast = withFastInput(raw);

/** Already done in Node: resolves at once (kept so code shared with browsers can `await init()`). */
function init() {
  return Promise.resolve();
}

/** Already done in Node: does nothing (kept for code shared with browsers). */
function initSync() {}

module.exports = {
  init,
  initSync,
  analyze: fast.analyze,
  segmentsCount: fast.segmentsCount,
  countMany: fast.countMany,
  Counter: fast.Counter,
  split: raw.split,
  smartEncode: raw.smartEncode,
  substitution: raw.substitution,
  substitutionName: raw.substitutionName,
  septets: raw.septets,
  partUnits: raw.partUnits,
  udhElements: raw.udhElements,
  encode: raw.encode,
  decode: raw.decode,
};
