// The fast counting paths: `new Counter(options)`, `countMany`, and `segmentsCount`/`analyze`
// with options read once and kept. Each is compared with `analyze` (the full result through the
// general path) and with the native `septet batch`, on the peer benchmark's workload and on the
// edge cases the fast paths treat apart: the empty string, lone surrogates (which `TextEncoder`
// would turn into U+FFFD), real U+FFFD, rejections, bad options, and memory the module moves.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import septet from "./load.mjs";
import { prng, message, lineOptions } from "./corpus.mjs";
import { workload } from "../../benches/peers/workload.mjs";

const { analyze, segmentsCount, countMany, Counter } = septet;
const root = fileURLToPath(new URL("../..", import.meta.url));
const out = fileURLToPath(new URL("../test-output/", import.meta.url));

/** What `analyze(text, options)` says: `{ parts, units, ucs2 }`, or the error it throws. */
function expected(text, options) {
  try {
    const r = analyze(text, options);
    return { parts: r.parts, units: r.units, ucs2: r.encoding === "UCS-2" ? 1 : 0 };
  } catch (error) {
    return { error };
  }
}

/** The thrown error of `f`, or fails. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("did not throw");
}

/** Asserts that every fast path agrees with `analyze` on `texts` under `options`. */
function agreeWithAnalyze(texts, options, label) {
  const counter = new Counter(options);
  const many = countMany(texts, options);
  const viaCounter = counter.countMany(texts);
  assert.deepEqual(viaCounter, many, `${label}: counter.countMany and countMany`);
  assert.equal(many.segments.length, texts.length);
  const errors = [];
  texts.forEach((text, i) => {
    const want = expected(text, options);
    const where = `${label}, message ${i}: ${JSON.stringify(text).slice(0, 80)}`;
    if (want.error) {
      errors.push(i);
      for (const f of [() => segmentsCount(text, options), () => counter.segmentsCount(text), () => counter.analyze(text)]) {
        const e = thrown(f);
        assert.equal(e.kind, want.error.kind, where);
        assert.deepEqual(e.data, want.error.data, where);
      }
      assert.deepEqual([many.segments[i], many.units[i], many.ucs2[i]], [0, 0, 0], where);
      return;
    }
    assert.equal(segmentsCount(text, options), want.parts, where);
    assert.equal(counter.segmentsCount(text), want.parts, where);
    assert.deepEqual(counter.analyze(text), analyze(text, options), where);
    assert.deepEqual([many.segments[i], many.units[i], many.ucs2[i]], [want.parts, want.units, want.ucs2], where);
  });
  assert.deepEqual(Array.from(many.errors), errors, `${label}: errors`);
  counter.free();
  return errors.length;
}

test("the workload: Counter, countMany and segmentsCount with options agree with analyze", () => {
  const messages = workload(3000);
  for (const options of [undefined, {}, { smartEncoding: true, charset: "carrier-safe" }, { encoding: "gsm7" },
    { sender: "short-code", split: "graphemes" }, { encoding: "ucs2", maxParts: 3, concat: "udh16" },
    { nationalLanguages: "all", smartEncoding: true }]) {
    agreeWithAnalyze(messages, options, JSON.stringify(options));
  }
});

test("a generated corpus with every kind of character and rejection, under varied options", () => {
  const rand = prng(12);
  const texts = Array.from({ length: 1500 }, () => message(rand));
  let rejected = 0;
  for (let i = 0; i < 12; i++) {
    const line = lineOptions(rand);
    const options = { smartEncoding: line.smart_encoding, encoding: line.encoding, sender: line.sender,
      charset: line.charset, split: line.split, maxParts: 4 };
    rejected += agreeWithAnalyze(texts, options, JSON.stringify(line));
  }
  assert.ok(rejected > 0, "some messages are rejected");
});

test("countMany agrees with the native septet batch on the workload, message by message", () => {
  const messages = workload(5000);
  mkdirSync(out, { recursive: true });
  const file = out + "counter-workload.jsonl";
  writeFileSync(file, messages.map((text, id) => JSON.stringify({ id, text })).join("\n") + "\n");
  for (const [flags, options] of [[[], undefined], [["--smart-encoding", "--charset", "carrier-safe"], { smartEncoding: true, charset: "carrier-safe" }]]) {
    const run = spawnSync("cargo", ["run", "-q", "--release", "-p", "septet-cli", "--", "batch", ...flags, file], {
      cwd: root, maxBuffer: 1 << 30, encoding: "utf8",
    });
    assert.ok(run.status === 0 || run.status === 1, `septet batch exited with ${run.status}: ${run.stderr}`);
    const native = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    const many = countMany(messages, options);
    native.forEach((line, i) => {
      assert.equal(line.id, i);
      if (line.error) {
        assert.ok(many.errors.includes(i), `message ${i} is rejected natively`);
      } else {
        assert.deepEqual([many.segments[i], many.units[i], many.ucs2[i]], [line.parts, line.units, line.encoding === "UCS-2" ? 1 : 0], `message ${i}`);
      }
    });
    assert.equal(many.segments.reduce((a, b) => a + b, 0), native.reduce((a, l) => a + (l.parts ?? 0), 0));
  }
});

test("edge cases: empty, lone surrogates, U+FFFD, limits, non-strings", () => {
  const texts = [
    "", "a", "\uD800", "\uDC00", "ab\uD83D", "\uDE00ab", "\uDE00\uD83D", "😀", "x\uD83D\uDE00y",
    "\uFFFD", "ok \uFFFD", "\uFFFD\uD800", "a".repeat(1530), "a".repeat(1531), "€".repeat(80), "ж".repeat(70), "ж".repeat(71),
    "a".repeat(160) + "\uD800", "\uD800" + "a".repeat(300), "Don’t", "\u200b", "\ufeff\u200b",
  ];
  for (const options of [undefined, { smartEncoding: true }, { charset: "ascii7" }, { encoding: "gsm7" }, { nationalLanguages: "turkish" }]) {
    agreeWithAnalyze(texts, options, `edge cases, ${JSON.stringify(options)}`);
  }
  // Lone surrogates are errors with their UTF-16 positions, whatever the rest of the text is.
  const counter = new Counter({ smartEncoding: true });
  for (const [text, positions] of [["\uD800", [0]], ["ab\uDC00c", [2]], ["a".repeat(160) + "\uD800", [160]], ["\uFFFD\uD800\uFFFD", [1]]]) {
    for (const f of [() => segmentsCount(text), () => segmentsCount(text, { charset: "ascii7" }), () => counter.segmentsCount(text)]) {
      const e = thrown(f);
      assert.equal(e.kind, "lone_surrogate");
      assert.deepEqual(e.data.positions, positions);
    }
    assert.deepEqual(Array.from(countMany(["ok", text]).errors), [1]);
  }
  // A real U+FFFD is a UCS-2 character like any other.
  assert.deepEqual(countMany(["\uFFFD"]), { segments: Uint32Array.of(1), units: Uint32Array.of(1), ucs2: Uint8Array.of(1), errors: new Uint32Array(0) });
  // Entries that are not strings are rejected, and do not throw.
  const many = countMany(["hi", undefined, 5, null, { length: 2 }, "a".repeat(161)]);
  assert.deepEqual(Array.from(many.segments), [1, 0, 0, 0, 0, 2]);
  assert.deepEqual(Array.from(many.errors), [1, 2, 3, 4]);
  assert.deepEqual(countMany([]), { segments: new Uint32Array(0), units: new Uint32Array(0), ucs2: new Uint8Array(0), errors: new Uint32Array(0) });
  for (const notAList of [undefined, null, "hi", 5]) {
    assert.throws(() => countMany(notAList), TypeError);
  }
});

test("the count code: characters outside the charset, lone surrogates among them, and real U+FFFD", () => {
  // The module returns parts * 2 + 1 when a message holds characters outside the charset, and
  // the wrapper then asks the string whether it held a lone surrogate (TextEncoder wrote it as
  // U+FFFD): a flag the module forgets would let a lone surrogate be counted.
  const texts = [
    "ж", "ж\uD800", "\uDC00ж", "Привет \uFFFD", "\uFFFD".repeat(71), "😀\uDE00", "😀\uD83D", "中文\uD83D\uDE00",
    "’".repeat(71) + "\uDBFF", "€\uFFFD", "a\uFFFDb", "\uFFFD😀", "x".repeat(200) + "ж", "ж".repeat(200) + "\uDFFF",
  ];
  for (const options of [undefined, { smartEncoding: true }, { charset: "ascii7" }, { smartEncoding: true, charset: "carrier-safe" }]) {
    agreeWithAnalyze(texts, options, `count code, ${JSON.stringify(options)}`);
  }
  // U+FFFD and lone surrogates at every offset of a short message, GSM-7 and UCS-2 around them.
  const counter = new Counter();
  for (let k = 0; k < 40; k++) {
    for (const [inserted, error] of [["\uFFFD", null], ["\uD800", "lone_surrogate"], ["\uDFFF", "lone_surrogate"]]) {
      const text = "ж".repeat(k % 3) + "a".repeat(k) + inserted + "b".repeat(40 - k);
      const where = JSON.stringify(text);
      if (error === null) {
        assert.equal(segmentsCount(text), 1, where);
        assert.equal(counter.segmentsCount(text), 1, where);
        assert.equal(countMany([text]).segments[0], 1, where);
      } else {
        assert.equal(thrown(() => segmentsCount(text)).kind, error, where);
        assert.equal(thrown(() => counter.segmentsCount(text)).kind, error, where);
        assert.deepEqual(Array.from(countMany([text]).errors), [0], where);
      }
    }
  }
  assert.equal(segmentsCount("Привет \uFFFD"), 1);
  assert.equal(segmentsCount("\uFFFD".repeat(71)), 2);
  for (const text of ["ж\uD800", "😀\uDE00", "’".repeat(71) + "\uDBFF"]) {
    assert.equal(thrown(() => segmentsCount(text)).kind, "lone_surrogate", JSON.stringify(text));
    assert.equal(thrown(() => segmentsCount(text, { smartEncoding: true, charset: "carrier-safe" })).kind, "lone_surrogate");
  }
});

/** Parts of `text` sent in UCS-2 as a greedy model counts them: 70 UTF-16 units fit one part, else
 * 67 a part, and a character outside the BMP (2 units) never straddles two parts. */
function ucs2PartsModel(text) {
  const costs = Array.from(text, (c) => (c.codePointAt(0) > 0xffff ? 2 : 1));
  const units = costs.reduce((a, b) => a + b, 0);
  if (units <= 70) return 1;
  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > 67) {
      parts++;
      used = 0;
    }
    used += cost;
  }
  return parts;
}

test("multi-part UCS-2 text with characters outside the BMP: counts agree with a greedy model", () => {
  const rand = prng(31);
  const pieces = ["ж", "a", " ", "😀", "👍🏽", "中", "’", "🇫🇷", "€", "e\u0301"];
  const texts = [];
  for (let i = 0; i < 400; i++) {
    let text = "ж";
    const n = 30 + Math.floor(rand() * 400);
    while (text.length < n) text += pieces[Math.floor(rand() * pieces.length)];
    texts.push(text);
  }
  // Boundaries: a surrogate pair that would straddle the 67th unit, at every offset near it.
  for (let k = 60; k < 72; k++) texts.push("ж".repeat(k) + "😀".repeat(10));
  const counter = new Counter();
  for (const text of texts) {
    const want = ucs2PartsModel(text);
    assert.equal(segmentsCount(text), want, JSON.stringify(text).slice(0, 80));
    assert.equal(counter.segmentsCount(text), want);
    assert.equal(analyze(text).parts, want);
  }
  assert.deepEqual(Array.from(countMany(texts).segments), texts.map(ucs2PartsModel));
});

test("batches larger than a chunk, a message larger than the input buffer, and moved memory", () => {
  const options = { maxCharacters: 500_000, maxParts: 5000 };
  const huge = "a".repeat(400_000) + "ж"; // UCS-2: 400,001 units, 5,971 parts of 67: rejected
  const big = "a".repeat(300_000) + "€"; // GSM-7: 300,002 septets, 1,961 parts of 153
  const texts = [];
  const rand = prng(7);
  for (let i = 0; i < 10_000; i++) texts.push(i === 5000 ? big : i === 7000 ? huge : message(rand));
  const before = segmentsCount("a".repeat(200));
  const many = countMany(texts, options);
  assert.equal(many.segments[5000], 1961);
  assert.equal(many.units[5000], 300_002);
  assert.ok(many.errors.includes(7000));
  texts.forEach((text, i) => {
    if (i % 97 !== 0 && i !== 5000 && i !== 7000) return;
    const want = expected(text, options);
    if (!want.error) assert.deepEqual([many.segments[i], many.units[i], many.ucs2[i]], [want.parts, want.units, want.ucs2], `message ${i}`);
  });
  // The input buffer grew and moved meanwhile: the per-message paths still see their text.
  assert.equal(segmentsCount("a".repeat(200)), before);
  assert.equal(segmentsCount(big, options), 1961);
  assert.equal(new Counter(options).segmentsCount("ж".repeat(71)), 2);
  assert.equal(segmentsCount("ж".repeat(71)), 2);
});

test("bad options: the same typed errors at construction as segmentsCount throws", () => {
  const bad = [
    { smart: true }, { smart_encoding: true }, { charset: "ebcdic" }, { maxParts: -1 }, { rate: NaN },
    { charset: () => "ascii7" }, { encoding: {} }, JSON.parse('{"__proto__": 1}'),
    { get charset() { throw new Error("no"); } }, 5, "smartEncoding", [], [1],
  ];
  for (const [i, options] of bad.entries()) {
    const label = `bad options ${i}`;
    const e = thrown(() => new Counter(options));
    assert.equal(e.name, "SeptetError", label);
    assert.equal(e.code, 400, label);
    assert.equal(e.kind, "invalid_option", label);
    for (const f of [() => segmentsCount("hi", options), () => analyze("hi", options), () => countMany(["hi"], options)]) {
      const other = thrown(f);
      assert.equal(other.kind, "invalid_option", label);
      assert.equal(other.message, e.message, label);
    }
  }
  // A lone surrogate is reported before bad options, as before.
  assert.equal(thrown(() => segmentsCount("\uD800", { smart: true })).kind, "lone_surrogate");
});

test("options kept between calls follow the object's fields, not its identity", () => {
  const options = { smartEncoding: true };
  assert.equal(analyze("“hi”", options).encoding, "GSM-7");
  assert.equal(segmentsCount("’".repeat(71), options), 1);
  options.smartEncoding = false;
  assert.equal(analyze("“hi”", options).encoding, "UCS-2");
  assert.equal(segmentsCount("’".repeat(71), options), 2);
  options.maxParts = 1;
  assert.equal(thrown(() => segmentsCount("’".repeat(71), options)).kind, "too_many_parts");
  delete options.maxParts;
  options.charset = undefined; // an undefined field is absent
  assert.equal(segmentsCount("’".repeat(71), options), 2);
  // The same fields in another order, other kinds of objects, and more distinct options than
  // are kept, in turn.
  const text = "Don’t miss it… [now]";
  const variants = [
    {}, { smartEncoding: true }, { charset: "ascii7", smartEncoding: true }, { smartEncoding: true, charset: "ascii7" },
    Object.assign(Object.create(null), { smartEncoding: true }), Object.create({ smartEncoding: true }),
    new (class { constructor() { this.encoding = "ucs2"; } })(), { sender: "short-code" }, { split: "graphemes" },
    { maxParts: 1 }, { rate: 0.0051 }, { rate: "0.0051" }, { encoding: "gsm7" }, { charset: "carrier-safe" },
  ];
  // Inherited fields are not options (the module reads own fields, as before).
  assert.equal(segmentsCount("’".repeat(71), Object.create({ smartEncoding: true })), 2);
  for (let round = 0; round < 3; round++) {
    for (const v of variants) {
      assert.equal(segmentsCount(text, v), expected(text, v).parts, JSON.stringify(v));
      assert.deepEqual(analyze(text, v), analyze(text, { ...v }));
    }
  }
});

test("a freed counter cannot be used; counters are independent", () => {
  const a = new Counter({ charset: "ascii7" });
  const b = new Counter();
  assert.equal(a.segmentsCount("é"), 1);
  assert.equal(a.analyze("é").encoding, "UCS-2");
  assert.equal(b.analyze("é").encoding, "GSM-7");
  a.free();
  assert.throws(() => a.segmentsCount("é"));
  assert.equal(b.segmentsCount("é"), 1);
});
