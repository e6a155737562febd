// The fast paths for the functions that take messages, shared by the browser entry (septet.js,
// over wasm-bindgen's `--target web` glue) and the Node entry (septet.node.cjs, over the
// `--target nodejs` glue). build.sh writes the CommonJS copy (fast-input.cjs) from this file,
// so it must stay free of imports and end with the single `export` line. No SMS logic lives
// here: it moves text into the module and results out, and sends every error to the module's
// general path, which throws it.
//
// Where a call's time went (benches/peers/breakdown.mjs): wasm-bindgen's generic glue copies a
// string into the module one code unit at a time in JS, and reading an options object crosses
// into JS once per field, which cost more than analysing the message. So:
// - text goes in as UTF-8 written by `TextEncoder.encodeInto` (native code) into a buffer the
//   module owns (faster than a `charCodeAt` loop writing bytes, even for ASCII: measured). It
//   writes a lone surrogate as U+FFFD, which is in no charset and has no substitution, so text
//   whose characters are all in the charset never held one; for the rest the module says so, and
//   the string is asked `isWellFormed()` (measured faster than searching the module's copy for
//   U+FFFD, even 16 bytes at a time with wasm SIMD); a string that held one goes to the general
//   path, which throws `lone_surrogate`;
// - a count comes back as one number (the parts times two, plus that flag), never an object;
// - options are read once into a `Counter` (a struct in the module); `segmentsCount(text,
//   options)` and `analyze(text, options)` keep the counters of the last few distinct options
//   and compare each call's options with theirs field by field;
// - `countMany` writes many messages and crosses once per chunk of them.

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed =
  typeof "".isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !LONE.test(s);

// The batch layout of wasm/src/lib.rs: a record of four u32s per message (end of its UTF-8,
// segments, units, status) and the status values.
const RECORD = 4;
const STATUS_UCS2 = 1;
const STATUS_REJECTED = 2;
const STATUS_SKIP = 3;
const STATUS_CHECK = 4;
// Messages and bytes of UTF-8 per crossing of `countMany`: memory stays bounded (a message
// longer than the byte budget gets a buffer of its own size).
const CHUNK_MESSAGES = 4096;
const CHUNK_BYTES = 1 << 20;
// Distinct options objects whose counters `segmentsCount(text, options)` keeps.
const CACHED_OPTIONS = 8;

/**
 * The fields of an options object as they would be read: its own enumerable fields that are not
 * `undefined`, in order, as `{ names, values }`; `null` when a value is not a string, number or
 * boolean, or reading one throws (the module's reader reports those).
 */
function optionsFields(options) {
  const names = [];
  const values = [];
  try {
    for (const name of Object.keys(options)) {
      const value = options[name];
      const type = typeof value;
      if (type === "undefined") continue;
      if (type !== "string" && type !== "number" && type !== "boolean") return null;
      names.push(name);
      values.push(value);
    }
  } catch {
    return null;
  }
  return { names, values };
}

/**
 * Whether `options` has exactly the fields `fields` (`optionsFields`) holds, in the same order.
 * Reads each field once and allocates nothing: for a plain object (the usual options literal),
 * with `for...in`, which walks the fields without building a list of names.
 */
function sameFields(options, { names, values }) {
  let i = 0;
  try {
    if (Object.getPrototypeOf(options) === Object.prototype) {
      for (const name in options) {
        const value = options[name];
        if (value === undefined) continue;
        if (i >= names.length || names[i] !== name || values[i] !== value) return false;
        i++;
      }
    } else {
      for (const name of Object.keys(options)) {
        const value = options[name];
        if (value === undefined) continue;
        if (i >= names.length || names[i] !== name || values[i] !== value) return false;
        i++;
      }
    }
  } catch {
    return false;
  }
  return i === names.length;
}

/**
 * `analyze`, `segmentsCount`, `countMany` and the `Counter` class over the raw bindings `raw`.
 */
function withFastInput(raw) {
  const encoder = new TextEncoder();
  let memory = null;
  let view = null;

  /** The module's memory as bytes, `capacity` of them from `pointer`. */
  function bytesAt(pointer, capacity) {
    if (memory === null) memory = raw.wasmMemory();
    return new Uint8Array(memory.buffer, pointer, capacity);
  }

  /** Writes `text` into the input buffer; returns its length in bytes. */
  function pass(text) {
    const needed = text.length * 3; // UTF-8 bytes never exceed 3 per UTF-16 code unit
    // A grown memory detaches the old buffer (byteLength 0), so the view is made again.
    if (view === null || view.byteLength < needed) {
      const capacity = Math.max(needed, 4096);
      view = bytesAt(raw.inputBuffer(capacity), capacity);
    }
    return encoder.encodeInto(text, view).written;
  }

  // Counters of the last few distinct options, most recently used first: `{ names, values,
  // counter }`. A page passes an options object (often a new one with the same fields) with every
  // call; comparing its fields with the last ones costs far less than reading them in the module.
  const cache = [];
  let defaultCounter = null;

  /** The raw counter for `options` (`undefined` or `null`: the defaults), or `null` when the
   * options cannot be read (the general path then throws the error). */
  function counterFor(options) {
    if (options === undefined || options === null) {
      if (defaultCounter === null) defaultCounter = new raw.Counter(undefined);
      return defaultCounter;
    }
    if (typeof options !== "object" || Array.isArray(options)) return null;
    for (let i = 0; i < cache.length; i++) {
      const entry = cache[i];
      if (sameFields(options, entry)) {
        if (i > 0) {
          cache.splice(i, 1);
          cache.unshift(entry);
        }
        return entry.counter;
      }
    }
    const fields = optionsFields(options);
    if (fields === null) return null;
    // The counter reads a copy of what was compared, so the two cannot differ (with no
    // prototype, so that a field named `__proto__` stays a field, and an unknown option).
    const copy = Object.create(null);
    fields.names.forEach((name, i) => {
      copy[name] = fields.values[i];
    });
    let counter;
    try {
      counter = new raw.Counter(copy);
    } catch {
      return null;
    }
    cache.unshift({ ...fields, counter });
    if (cache.length > CACHED_OPTIONS) cache.pop().counter.free();
    return counter;
  }

  function analyze(text, options) {
    if (typeof text !== "string" || !wellFormed(text)) return raw.analyze(text, options);
    const counter = counterFor(options);
    return counter === null ? raw.analyze(text, options) : counter.analyzeInput(pass(text));
  }

  /**
   * The parts from a count code of the module (the parts times two, plus one when the text
   * holds characters outside the charset: then the string is asked whether it held a lone
   * surrogate, which `TextEncoder` wrote as U+FFFD), or 0 when the general path must answer.
   */
  function partsOf(code, text) {
    return code > 1 && ((code & 1) === 0 || wellFormed(text)) ? code >>> 1 : 0;
  }

  function segmentsCount(text, options) {
    if (typeof text === "string") {
      let code = 0;
      if (options === undefined) {
        code = raw.segmentsCountInputDefault(pass(text));
      } else {
        const counter = counterFor(options);
        if (counter !== null) code = counter.segmentsCountInput(pass(text));
      }
      const parts = partsOf(code, text);
      if (parts !== 0) return parts;
    }
    // Rejected, a lone surrogate, bad options or not a string: the general path throws.
    return raw.segmentsCount(text, options);
  }

  /** Counts `texts` with the raw counter `counter`, a chunk of them per crossing. */
  function countWith(counter, texts) {
    if (texts === null || typeof texts !== "object" || typeof texts.length !== "number") {
      throw new TypeError("countMany takes an array of strings");
    }
    const n = texts.length;
    const segments = new Uint32Array(n);
    const units = new Uint32Array(n);
    const ucs2 = new Uint8Array(n);
    const errors = [];
    let i = 0;
    while (i < n) {
      const size = Math.min(n - i, CHUNK_MESSAGES);
      const first = texts[i];
      const capacity = Math.max(CHUNK_BYTES, typeof first === "string" ? first.length * 3 : 0);
      // Both buffers before the views: allocating may grow the memory and detach them.
      const recordsAt = raw.batchBuffer(size);
      const input = bytesAt(raw.inputBuffer(capacity), capacity);
      const records = new Uint32Array(memory.buffer, recordsAt, size * RECORD);
      view = null; // pass() makes its view again
      let end = 0;
      let k = 0;
      for (; k < size; k++) {
        const text = texts[i + k];
        let status = 0;
        if (typeof text !== "string") {
          status = STATUS_SKIP;
        } else if (capacity - end < text.length * 3) {
          break; // the chunk is full
        } else {
          end += encoder.encodeInto(text, input.subarray(end)).written;
        }
        records[k * RECORD] = end;
        records[k * RECORD + 3] = status;
      }
      counter.countBatch(k);
      // Counting does not allocate, but a view is cheap to make again.
      const out = new Uint32Array(memory.buffer, recordsAt, k * RECORD);
      for (let j = 0; j < k; j++) {
        const index = i + j;
        const status = out[j * RECORD + 3];
        if (
          status === STATUS_REJECTED ||
          status === STATUS_SKIP ||
          ((status & STATUS_CHECK) !== 0 && !wellFormed(texts[index]))
        ) {
          errors.push(index);
          continue;
        }
        segments[index] = out[j * RECORD + 1];
        units[index] = out[j * RECORD + 2];
        ucs2[index] = status & STATUS_UCS2;
      }
      i += k;
    }
    return { segments, units, ucs2, errors: Uint32Array.from(errors) };
  }

  function countMany(texts, options) {
    // Bad options throw here, as `new Counter(options)` does.
    const counter = counterFor(options) ?? new raw.Counter(options);
    return countWith(counter, texts);
  }

  /** Options read once; see the declarations in septet.d.cts. */
  class Counter {
    #raw;

    constructor(options) {
      this.#raw = new raw.Counter(options);
    }

    segmentsCount(text) {
      if (typeof text === "string") {
        const parts = partsOf(this.#raw.segmentsCountInput(pass(text)), text);
        if (parts !== 0) return parts;
      }
      return this.#raw.segmentsCount(text);
    }

    analyze(text) {
      return typeof text === "string" && wellFormed(text)
        ? this.#raw.analyzeInput(pass(text))
        : this.#raw.analyze(text);
    }

    countMany(texts) {
      return countWith(this.#raw, texts);
    }

    /** Frees the module memory the counter holds now rather than when it is collected. */
    free() {
      this.#raw.free();
    }
  }

  return { analyze, segmentsCount, countMany, Counter };
}

export { withFastInput };
