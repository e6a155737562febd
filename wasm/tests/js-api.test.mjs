// What JavaScript callers rely on beyond the SMS rules: optional arguments, positions as UTF-16
// indices (what String.prototype.slice takes), and `rate` as a number or a decimal string.
import test from "node:test";
import assert from "node:assert/strict";
import septet from "./load.mjs";
import { prng, message } from "./corpus.mjs";

const { analyze, segmentsCount, split } = septet;

test("options are optional: split(text), segmentsCount(text), analyze(text)", () => {
  for (const text of ["hi", "a".repeat(200), "Don’t 😀", "ж".repeat(71)]) {
    assert.deepEqual(split(text), split(text, {}));
    assert.deepEqual(split(text), split(text, undefined));
    assert.equal(segmentsCount(text), segmentsCount(text, {}));
    assert.equal(segmentsCount(text), segmentsCount(text, null));
    assert.deepEqual(analyze(text), analyze(text, {}));
  }
  assert.deepEqual(split("a".repeat(200)).map((p) => p.length), [153, 47]);
  assert.equal(segmentsCount("ж".repeat(71)), 2);
  assert.equal(analyze("hi").parts, 1);
});

/** Every located character of `r` (non_gsm and replacements) as [utf16_index, character]. */
function located(r) {
  return [...r.non_gsm.map((c) => [c.utf16_index, c.char]), ...r.replacements.map((c) => [c.utf16_index, c.from])];
}

test("positions: utf16_index is what slice takes, beside char_index and byte_offset", () => {
  // 😀 is 1 character, 2 UTF-16 units, 4 bytes; é is 1 character, 1 unit, 2 bytes.
  const text = "😀é “x” ç";
  const r = analyze(text);
  assert.deepEqual(r.non_gsm.map((c) => [c.char, c.utf16_index, c.char_index, c.byte_offset]), [
    ["😀", 0, 0, 0], ["“", 4, 3, 7], ["”", 6, 5, 11], ["ç", 8, 7, 15],
  ]);
  const smart = analyze(text, { smartEncoding: true });
  assert.deepEqual(smart.replacements.map((c) => [c.from, c.utf16_index, c.char_index, c.byte_offset]), [
    ["“", 4, 3, 7], ["”", 6, 5, 11],
  ]);
  // The refusal of a gsm7 request locates the offending characters the same way.
  assert.throws(() => analyze("a😀b ç", { encoding: "gsm7" }), (e) => {
    assert.deepEqual(e.data.non_gsm.map((c) => [c.char, c.utf16_index]), [["😀", 1], ["ç", 5]]);
    return true;
  });
});

test("positions: slice(utf16_index) finds the character on 2,000 generated messages", () => {
  const rand = prng(11);
  let checked = 0;
  for (let i = 0; i < 2000; i++) {
    const text = message(rand);
    for (const options of [{}, { smartEncoding: true }, { charset: "ascii7" }]) {
      let r;
      try {
        r = analyze(text, { ...options, maxParts: 1000, maxCharacters: 100000 });
      } catch (e) {
        assert.equal(e.kind, "no_content", `${JSON.stringify(text)}: ${e.message}`);
        continue;
      }
      for (const [index, character] of located(r)) {
        assert.equal(text.slice(index, index + character.length), character, `${JSON.stringify(text)} at ${index}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 5000, `${checked} positions checked`);
});

test("positions: lone surrogates are reported in the same UTF-16 indices", () => {
  // After an astral character, the character index and the UTF-16 index differ by one.
  const text = "😀ç\ud800";
  assert.throws(() => analyze(text), (e) => {
    assert.equal(e.kind, "lone_surrogate");
    assert.deepEqual(e.data.positions, [3]);
    assert.equal(text.charCodeAt(e.data.positions[0]), 0xd800);
    return true;
  });
  assert.equal(analyze("😀ç").non_gsm[1].utf16_index, 2);
});

test("rate: a number is taken as its shortest decimal form, the same as the string", () => {
  const text = "x".repeat(400); // 3 parts
  for (const rate of [0.0051, 0.0075, 0.1, 0.2, 1, 12.5, 0.1 + 0.2, 0.00003, 1e-7, 123456.789, 0]) {
    const r = analyze(text, { rate });
    assert.equal(r.cost.rate, String(rate).includes("e") ? rate.toFixed(20).replace(/0+$/, "") : String(rate));
    assert.deepEqual(r.cost, analyze(text, { rate: r.cost.rate }).cost, `${rate}`);
  }
  assert.deepEqual(analyze(text, { rate: 0.0051, currency: "USD" }).cost, { amount: "0.0153", rate: "0.0051", segments: 3, currency: "USD" });
  assert.equal(analyze(text, { rate: "0.0050" }).cost.amount, "0.0150"); // a string keeps its digits
});

test("rate: shortest decimal form agrees with JavaScript's on 2,000 random numbers", () => {
  const rand = prng(3);
  let compared = 0;
  for (let i = 0; i < 2000; i++) {
    // Values a rate takes: up to 6 digits before the point, with all the noise binary fractions carry.
    const rate = Math.floor(rand() * 10 ** Math.floor(rand() * 7)) / 10 ** Math.floor(rand() * 7) + rand() * (rand() < 0.5 ? 1e-3 : 0);
    const expected = String(rate);
    if (expected.includes("e") || expected.split(".")[1]?.length > 18) continue;
    assert.equal(analyze("hi", { rate }).cost.rate, expected);
    compared++;
  }
  assert.ok(compared > 1000, `${compared} compared`);
});

test("rate: negative, non-finite and non-number rates are refused with invalid_option", () => {
  for (const rate of [-0.5, NaN, Infinity, -Infinity, 1e-30, true, {}, "0,5", "1e3"]) {
    assert.throws(() => analyze("hi", { rate }), (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.code, 400);
      assert.equal(e.kind, "invalid_option");
      assert.match(e.message, /rate/);
      return true;
    }, String(rate));
  }
});
