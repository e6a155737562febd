// udhElements, partUnits and septets under a national pair through the real .wasm: what the
// calculator page shows for each part. Expectations are worked out by hand from the contract
// (pdu-encoding.md sections 1-3 and its vectors), never read back from the engine.
import { test } from "node:test";
import assert from "node:assert/strict";
import septet from "./load.mjs";

const { analyze, encode, partUnits, segmentsCount, septets, split, udhElements } = septet;

test("udhElements reads the contract's headers element by element", () => {
  assert.deepEqual(udhElements(""), []);
  assert.deepEqual(udhElements("050003000201"), [
    { kind: "udhl", offset: 0, octets: "05", length: 5 },
    { kind: "concatenation", offset: 1, octets: "0003000201", iei: 0, reference: 0, total: 2, sequence: 1, bits: 8 },
  ]);
  assert.deepEqual(udhElements("060804D0DE0201")[1], {
    kind: "concatenation", offset: 1, octets: "0804D0DE0201", iei: 8, reference: 0xd0de, total: 2, sequence: 1, bits: 16,
  });
  assert.deepEqual(udhElements("03240101")[1], { kind: "single_shift", offset: 1, octets: "240101", iei: 0x24, nli: 1, language: "turkish" });
  assert.deepEqual(udhElements("03250106")[1], { kind: "locking_shift", offset: 1, octets: "250106", iei: 0x25, nli: 6, language: "hindi" });
  // The framing vector: concatenation ref 42 part 1 of 2, Portuguese single then locking shift.
  assert.deepEqual(udhElements("0b00032a0201240103250103").map((e) => [e.kind, e.offset, e.octets]), [
    ["udhl", 0, "0B"],
    ["concatenation", 1, "00032A0201"],
    ["single_shift", 6, "240103"],
    ["locking_shift", 9, "250103"],
  ]);
});

test("udhElements says what a receiver skips, and refuses what is not a header", () => {
  // Spanish (NLI 2) has no locking table; NLI 14 has no table at all; sequence 3 of 2 is invalid;
  // IE 70 is unknown: each is kept with its octets and why it is skipped or defaulted.
  const [, spanish, unknownNli, badConcat, unknown] = udhElements("0F25010224010E00032A020370020102");
  assert.deepEqual(spanish, { kind: "locking_shift", offset: 1, octets: "250102", iei: 0x25, nli: 2, language: null });
  assert.deepEqual(unknownNli, { kind: "single_shift", offset: 4, octets: "24010E", iei: 0x24, nli: 14, language: null });
  assert.equal(badConcat.kind, "ignored");
  assert.equal(badConcat.octets, "00032A0203");
  assert.match(badConcat.note, /invalid concatenation/);
  assert.deepEqual([unknown.kind, unknown.iei, unknown.octets], ["ignored", 0x70, "70020102"]);
  assert.match(unknown.note, /unknown information element 0x70/);
  for (const [hex, kind] of [["ZZ", "bad_hex"], ["0A00", "header_past_end"], ["03000500", "element_past_end"]]) {
    assert.throws(() => udhElements(hex), (e) => e.kind === kind && e.code === 400, hex);
  }
});

test("udhElements reads what encode writes: every part names its place and its tables", () => {
  // 160 × ş with Turkish single shift: 3 parts (contract section 2), each with IE 00 then IE 24.
  const e = encode("ş".repeat(160), { nationalLanguages: "turkish:single", reference: 7 });
  assert.equal(e.encoded_parts.length, 3);
  e.encoded_parts.forEach((part, i) => {
    const elements = udhElements(part.udh);
    assert.deepEqual(elements.map((x) => x.kind), ["udhl", "concatenation", "single_shift"]);
    assert.deepEqual([elements[1].reference, elements[1].total, elements[1].sequence], [7, 3, i + 1]);
    assert.equal(elements[2].language, "turkish");
  });
});

test("partUnits: the units of each part, header excluded", () => {
  assert.deepEqual(partUnits("Hello"), [5]);
  assert.deepEqual(partUnits("a".repeat(200)), [153, 47]);
  // € (2 septets) never leaves its escape behind: part 1 holds 152.
  assert.deepEqual(partUnits("a".repeat(152) + "€" + "b".repeat(10)), [152, 12]);
  // UTF-16 units: a surrogate pair never straddles two parts of 67.
  assert.deepEqual(partUnits("😀".repeat(40)), [66, 14]);
  // Android's cases (contract section 2), Turkish single shift: each letter 2 septets.
  const single = { nationalLanguages: "turkish:single" };
  assert.deepEqual(partUnits("ş".repeat(77), single), [154]);
  assert.deepEqual(partUnits("ş".repeat(78), single), [148, 8]);
  assert.deepEqual(partUnits("ş".repeat(160), single), [148, 148, 24]);
  // 16-bit references: 152 septets a part.
  assert.deepEqual(partUnits("a".repeat(200), { concat: "udh16" }), [152, 48]);
  // Smart encoding first: the parts are of the outgoing text.
  assert.deepEqual(partUnits("“Hi” …", { smartEncoding: true }), [8]);
  assert.throws(() => partUnits(""), (e) => e.kind === "no_content");
});

test("partUnits agrees with analyze, split and segmentsCount", () => {
  const texts = ["Merhaba dünya, Şişli'de buluşalım ".repeat(9), "नमस्ते ".repeat(40), "x{y}".repeat(70), "Don’t “wait”… 😀".repeat(12)];
  for (const text of texts) {
    for (const options of [{}, { nationalLanguages: "all" }, { smartEncoding: true, concat: "udh16" }, { split: "graphemes" }]) {
      const units = partUnits(text, options);
      const a = analyze(text, options);
      assert.equal(units.reduce((x, y) => x + y, 0), a.units, text);
      assert.equal(units.length, segmentsCount(text, options));
      assert.equal(units.length, split(text, options).length);
      assert.ok(units.every((u) => u > 0 && u <= a.units_per_part));
      assert.equal(units.at(-1), a.units_per_part - a.units_remaining);
    }
  }
});

test("septets under a national pair", () => {
  const turkishSingle = { locking: null, single: "turkish" };
  const turkishLocking = { locking: "turkish", single: null };
  assert.equal(septets("ş"), undefined);
  assert.equal(septets("ş", "gsm0338", turkishSingle), 2);
  assert.equal(septets("ş", "gsm0338", turkishLocking), 1);
  assert.equal(septets("a", "gsm0338", turkishSingle), 1);
  // The default extension table is replaced: { is ESC 0x28 in both, € in Turkish locking is 1.
  assert.equal(septets("{", "gsm0338", turkishSingle), 2);
  assert.equal(septets("€", "gsm0338", turkishLocking), 1);
  // Both null: the charset alone, as without the argument.
  assert.equal(septets("€", "gsm0338", { locking: null, single: null }), 2);
  assert.equal(septets("é", "ascii7", { locking: null, single: null }), undefined);
  assert.throws(() => septets("a", "ascii7", turkishSingle), (e) => e.kind === "national_languages_with_charset");
  assert.throws(() => septets("a", "gsm0338", { locking: "spanish", single: null }), (e) => e.kind === "invalid_option");
  assert.throws(() => septets("a", "gsm0338", { locking: "klingon", single: null }), (e) => e.kind === "invalid_option");
  // The pair analyze reports is what septets takes.
  const a = analyze("Merhaba dünya, Şişli'de buluşalım", { nationalLanguages: "turkish:single" });
  let units = 0;
  for (const c of "Merhaba dünya, Şişli'de buluşalım") units += septets(c, a.charset, a.national_language);
  assert.equal(units, a.units);
});
