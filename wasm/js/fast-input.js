// The fast input path for the functions that take a message, shared by the browser entry
// (septet.js, over wasm-bindgen's `--target web` glue) and the Node entry (septet.node.cjs, over
// the `--target nodejs` glue). build.sh writes the CommonJS copy (fast-input.cjs) from this file,
// so it must stay free of imports and end with the single `export` line.
//
// wasm-bindgen's generic glue copies a string into the module one code unit at a time in JS.
// This path checks `isWellFormed()` (a lone surrogate goes to the engine's own error path) and
// writes the text's UTF-8 into a buffer the module owns with `TextEncoder.encodeInto`, which is
// native code, then calls the `*Input` functions with the length. No SMS logic lives here.

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed =
  typeof "".isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !LONE.test(s);

/**
 * `analyze` and `segmentsCount` over the raw bindings `raw`, using the input buffer for
 * well-formed strings and the generic path (which also reports errors) otherwise.
 */
function withFastInput(raw) {
  const encoder = new TextEncoder();
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

  function analyze(text, options) {
    return fast(text) ? raw.analyzeInput(pass(text), options) : raw.analyze(text, options);
  }

  function segmentsCount(text, options) {
    if (!fast(text)) return raw.segmentsCount(text, options);
    if (options === undefined) {
      // 0 means rejected: the general path throws the error.
      return raw.segmentsCountInputDefault(pass(text)) || raw.segmentsCount(text, options);
    }
    return raw.segmentsCountInput(pass(text), options);
  }

  return { analyze, segmentsCount };
}

export { withFastInput };
