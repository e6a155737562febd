// Every example of sms-encoding.md through the real .wasm, plus errors and lone surrogates.
import test from "node:test";
import assert from "node:assert/strict";
import septet from "./load.mjs";

const { analyze, smartEncode, split, substitution, substitutionName } = septet;
const unlimited = { maxParts: 1000, maxCharacters: 100000 };

test("GSM-7 capacities: 160→1, 161→2, 306→2, 307→3, 1530→10", () => {
  for (const [n, parts] of [[160, 1], [161, 2], [306, 2], [307, 3], [1530, 10]]) {
    const r = analyze("a".repeat(n), unlimited);
    assert.equal(r.encoding, "GSM-7");
    assert.equal(r.parts, parts, `${n}`);
  }
  const r = analyze("a".repeat(161));
  assert.equal(r.units_per_part, 153);
  assert.equal(r.units_remaining, 145);
});

test("UCS-2 capacities: 70→1, 71→2, 134→2, 135→3, 670→10", () => {
  for (const [n, parts] of [[70, 1], [71, 2], [134, 2], [135, 3], [670, 10]]) {
    const r = analyze("ж".repeat(n), unlimited);
    assert.equal(r.encoding, "UCS-2");
    assert.equal(r.units, n);
    assert.equal(r.parts, parts, `${n}`);
  }
});

test("extension characters cost 2 septets; 155 + 3 | = 161 septets = 2 parts", () => {
  const r = analyze("a".repeat(155) + "|||");
  assert.deepEqual([r.characters, r.units, r.parts], [158, 161, 2]);
  for (const c of ["^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f"]) {
    assert.equal(analyze(c).units, 2, c);
  }
});

test("Price: $100 [USD] is 17 characters and 19 septets", () => {
  const r = analyze("Price: $100 [USD]");
  assert.deepEqual([r.encoding, r.characters, r.units, r.parts], ["GSM-7", 17, 19, 1]);
});

test("Ç is GSM-7, ç is not; the grave accent is not; a raw ESC makes UCS-2", () => {
  assert.equal(analyze("Ç$¤").encoding, "GSM-7");
  const r = analyze("ça");
  assert.equal(r.encoding, "UCS-2");
  assert.deepEqual(r.non_gsm, [{ char_index: 0, byte_offset: 0, utf16_index: 0, char: "ç", code_point: "U+00E7" }]);
  assert.equal(analyze("`").encoding, "UCS-2");
  assert.equal(analyze("a\u001bb").encoding, "UCS-2");
  assert.equal(analyze("😀").units, 2);
});

test("a 200-character message: 2 parts GSM, 3 with one curly quote or emoji, 2 with smart encoding", () => {
  assert.equal(analyze("a".repeat(200)).parts, 2);
  assert.equal(analyze("a".repeat(199) + "’").parts, 3);
  assert.equal(analyze("a".repeat(198) + "😀").parts, 3);
  const r = analyze("a".repeat(199) + "’", { smartEncoding: true });
  assert.deepEqual([r.encoding, r.parts], ["GSM-7", 2]);
});

test("smart encoding: metadata, replacements, growth and removal", () => {
  const r = analyze("Don’t miss our “flash sale” — 50% off!", { smartEncoding: true });
  assert.deepEqual(r.smart_encoding, {
    smart_encoding_applied: true, final_encoding: "gsm7", segment_count: 1,
    character_count: 38, replaced_character_count: 4, length_change: 0,
  });
  assert.deepEqual(r.replacements[3], { char_index: 28, byte_offset: 34, utf16_index: 28, from: "—", code_point: "U+2014", to: "-" });
  assert.equal(smartEncode("a…b½c\td"), "a...b1/2c       d");
  assert.equal(smartEncode("a\u200bb\ufeffc\u2060"), "abc");
  assert.equal(substitution("“"), "\"");
  assert.equal(substitution("a"), undefined);
  assert.equal(substitutionName("—"), "Em dash");
  const mixed = analyze("“Hi” 😀 …", { smartEncoding: true });
  assert.equal(mixed.encoding, "UCS-2");
  assert.equal(mixed.smart_encoding.final_encoding, "ucs2");
  assert.equal(mixed.smart_encoding.length_change, 2);
});

test("precedence: ucs2 skips smart encoding, gsm7 applies it and must end GSM-7", () => {
  const ucs2 = analyze("“quoted”", { smartEncoding: true, encoding: "ucs2" });
  assert.equal(ucs2.encoding, "UCS-2");
  assert.equal(ucs2.smart_encoding, undefined);
  const gsm7 = analyze("“quoted”", { encoding: "gsm7" });
  assert.equal(gsm7.encoding, "GSM-7");
  assert.equal(gsm7.smart_encoding.smart_encoding_applied, true);
  assert.throws(() => analyze("Hi 😀 ç", { encoding: "gsm7" }), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, 400);
    assert.equal(e.kind, "not_gsm7");
    assert.deepEqual(e.data.non_gsm.map((c) => [c.char, c.char_index]), [["😀", 3], ["ç", 5]]);
    return true;
  });
});

test("limits and errors carry the provider codes", () => {
  assert.throws(() => analyze(""), (e) => e.code === 40316 && e.kind === "no_content");
  assert.throws(() => analyze("\u200b", { smartEncoding: true }), (e) => e.code === 40316);
  assert.throws(() => analyze("a".repeat(1531), { maxCharacters: 5000 }), (e) =>
    e.code === 40302 && e.data.parts === 11 && e.data.max_parts === 10);
  assert.throws(() => analyze("ж".repeat(1601)), (e) => e.kind === "too_many_characters" && e.data.characters === 1601);
  const warn = analyze("a".repeat(613));
  assert.deepEqual(warn.warnings.map((w) => w.code), [40328]);
  assert.equal(analyze("a".repeat(15300), { maxParts: 100, maxCharacters: 20000 }).parts, 100);
  assert.throws(() => analyze("x", { charset: "ebcdic" }), (e) => e.kind === "invalid_option");
  assert.throws(() => analyze("x", { smartEncodign: true }), (e) => e.kind === "invalid_option" && /smartEncodign/.test(e.message));
  assert.throws(() => analyze("x", { maxParts: -1 }), (e) => e.kind === "invalid_option");
  assert.throws(() => analyze("x", { rate: "1e3" }), (e) => e.kind === "invalid_option");
});

test("cost is exact decimal arithmetic", () => {
  const r = analyze("x".repeat(400), { rate: "0.0051", currency: "USD" });
  assert.deepEqual(r.cost, { amount: "0.0153", rate: "0.0051", segments: 3, currency: "USD" });
});

test("split: real parts, never cutting ESC+char or a surrogate pair; graphemes keep clusters", () => {
  const text = "a".repeat(152) + "€" + "b".repeat(152);
  assert.deepEqual(split(text), ["a".repeat(152), "€" + "b".repeat(151), "b"]);
  const family = "👩\u200d👩\u200d👧\u200d👦";
  const t = "ж".repeat(60) + family;
  assert.equal(split(t).length, 2);
  assert.deepEqual(split(t, { split: "graphemes" }), ["ж".repeat(60), family]);
  const r = analyze(text, { parts: true });
  assert.deepEqual(r.part_texts, split(text));
});

test("lone surrogates are refused with their UTF-16 positions, never replaced", () => {
  for (const [text, positions] of [["a\ud800b", [1]], ["\udc00", [0]], ["😀\ud83d", [2]], ["\ud83d\ud83d\ude00\udfff", [0, 3]]]) {
    for (const call of [() => analyze(text), () => smartEncode(text), () => split(text)]) {
      assert.throws(call, (e) => {
        assert.equal(e.code, 400);
        assert.equal(e.kind, "lone_surrogate");
        assert.deepEqual(e.data.positions, positions);
        return true;
      });
    }
  }
  assert.equal(analyze("😀").units, 2); // a proper pair is fine
});
