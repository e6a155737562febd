// Positions in JavaScript results: `utf16_index` is a UTF-16 index (what String.prototype.slice
// takes), beside char_index (code points) and byte_offset (UTF-8 bytes), and agrees with the
// UTF-16 positions of lone surrogates.
import test from "node:test";
import assert from "node:assert/strict";
import septet from "./load.mjs";
import { prng, message } from "./corpus.mjs";

const { analyze } = septet;

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

