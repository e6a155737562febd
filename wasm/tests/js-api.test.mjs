// What JavaScript callers rely on beyond the SMS rules: optional arguments, and `rate` as a
// number or a decimal string. (Positions: positions.test.mjs.)
import test from "node:test";
import assert from "node:assert/strict";
import septet from "./load.mjs";
import { prng } from "./corpus.mjs";

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

test("the values the command's flags refuse are refused here too: zero limits, a currency without a rate", () => {
  for (const options of [{ maxParts: 0 }, { warnParts: 0 }, { maxCharacters: 0 }, { currency: "USD" }]) {
    const name = Object.keys(options)[0];
    for (const call of [() => analyze("hi", options), () => segmentsCount("hi", options), () => split("hi", options),
                        () => new septet.Counter(options)]) {
      assert.throws(call, (e) => {
        assert.equal(e.kind, "invalid_option", name);
        assert.match(e.message, new RegExp(`\`${name}\``));
        return true;
      }, name);
    }
  }
  assert.match(String((() => { try { analyze("hi", { currency: "USD" }); } catch (e) { return e.message; } })()), /needs `rate`/);
  assert.equal(analyze("hi", { maxParts: 1, warnParts: 1, maxCharacters: 2 }).parts, 1);
  assert.deepEqual(analyze("hi", { currency: "USD", rate: 0.01 }).cost, { amount: "0.01", rate: "0.01", segments: 1, currency: "USD" });
});
