// septet-wasm's entry point: the wasm-bindgen module, with a fast input path for the functions
// that take a message. It checks `isWellFormed()` (a lone surrogate goes to the engine's own
// error path) and writes the text's UTF-8 into the module's input buffer with
// `TextEncoder.encodeInto`, which is native code; wasm-bindgen's generic glue copies strings one
// code unit at a time. No SMS logic lives here.
import init, * as raw from "./septet_wasm.js";

export { init as default };
export { initSync, septets, smartEncode, split, substitution, substitutionName } from "./septet_wasm.js";

const encoder = new TextEncoder();
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = typeof "".isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !LONE.test(s);

let memory = null;
let view = null;

/** Writes `text` into the input buffer; returns its length in bytes. */
function pass(text) {
  const needed = text.length * 3; // UTF-8 bytes never exceed 3 per UTF-16 code unit
  if (memory === null) memory = raw.wasmMemory();
  // A grown memory detaches the old buffer (byteLength 0), so the view is made again.
  if (view === null || view.byteLength < needed) {
    const capacity = Math.max(needed, 4096);
    const pointer = raw.inputBuffer(capacity);
    view = new Uint8Array(memory.buffer, pointer, capacity);
  }
  return encoder.encodeInto(text, view).written;
}

function fast(text) {
  return typeof text === "string" && wellFormed(text);
}

/** Analyses a message; see the package README. */
export function analyze(text, options) {
  return fast(text) ? raw.analyzeInput(pass(text), options) : raw.analyze(text, options);
}

/** The number of parts (billed segments) only. */
export function segmentsCount(text, options) {
  if (!fast(text)) return raw.segmentsCount(text, options);
  if (options === undefined) {
    // 0 means rejected: the general path throws the error.
    return raw.segmentsCountInputDefault(pass(text)) || raw.segmentsCount(text, options);
  }
  return raw.segmentsCountInput(pass(text), options);
}
