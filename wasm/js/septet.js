// septet-wasm for browsers and bundlers: an ES module over wasm-bindgen's `--target web` glue.
// Call `await init()` once (it fetches septet_wasm_bg.wasm beside this file, or takes what you
// pass), then use the functions. Used before that, they throw a plain `Error` saying so.
// Node does not use this file: the package's `node` export condition points at
// septet.node.mjs / septet.node.cjs, which load the .wasm themselves.
import rawInit, * as raw from "./septet_wasm.js";
import { withFastInput } from "./fast-input.js";

let ready = false;
const fast = withFastInput(raw);

function check() {
  if (!ready) {
    throw new Error(
      "septet-wasm is not initialised: call `await init()` (or `initSync({ module: bytes })`) " +
        "once before analyze, segmentsCount, countMany, new Counter, split, smartEncode, " +
        "substitution, substitutionName, septets, partUnits, udhElements, encode or decode. In Node, `import`/`require(\"septet-wasm\")` loads the module itself.",
    );
  }
}

/**
 * Loads and instantiates the WebAssembly module; resolves once the functions can be used.
 * With no argument it fetches `septet_wasm_bg.wasm` next to this file; pass
 * `{ module_or_path }` (a URL, a `Response`, the bytes or a compiled `WebAssembly.Module`) to
 * load it from elsewhere. Calling it again does nothing.
 */
export default async function init(input) {
  await rawInit(input);
  ready = true;
}
export { init };

/** Instantiates the module synchronously from `{ module }` (the bytes or a compiled module). */
export function initSync(input) {
  raw.initSync(input);
  ready = true;
}

export function analyze(text, options) {
  check();
  return fast.analyze(text, options);
}

export function segmentsCount(text, options) {
  check();
  return fast.segmentsCount(text, options);
}

export function countMany(texts, options) {
  check();
  return fast.countMany(texts, options);
}

/** Options read once: `new Counter(options)`, then `segmentsCount`, `analyze`, `countMany`. */
export class Counter extends fast.Counter {
  constructor(options) {
    check();
    super(options);
  }
}

export function split(text, options) {
  check();
  return raw.split(text, options);
}

export function smartEncode(text) {
  check();
  return raw.smartEncode(text);
}

export function substitution(character) {
  check();
  return raw.substitution(character);
}

export function substitutionName(character) {
  check();
  return raw.substitutionName(character);
}

export function septets(character, charset, nationalLanguage) {
  check();
  return raw.septets(character, charset, nationalLanguage);
}

export function partUnits(text, options) {
  check();
  return raw.partUnits(text, options);
}

export function udhElements(udh) {
  check();
  return raw.udhElements(udh);
}

export function encode(text, options) {
  check();
  return raw.encode(text, options);
}

export function decode(part) {
  check();
  return raw.decode(part);
}
