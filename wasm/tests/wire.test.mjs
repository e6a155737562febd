// encode and decode through the real .wasm: the pdu contract's vectors, the same objects as the
// native `septet encode --json` / `septet decode --json`, errors with their kinds, round trips.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import septet from "./load.mjs";



test("encode gives the contract's vectors", () => {
  const cases = [
    ["hellohello", {}, "", 10, "E8329BFD4697D9EC37"],
    ["Hello", {}, "", 5, "C8329BFD06"],
    ["Ğşa", { nationalLanguages: "turkish:single" }, "03240101", 10, "03240101D81C37F330"],
    ["नमस्ते", { nationalLanguages: "hindi:locking" }, "03250106", 11, "03250106780999DF5316"],
  ];
  for (const [text, options, udh, udl, ud] of cases) {
    const e = septet.encode(text, options);
    assert.equal(e.encoded_parts.length, 1);
    const p = e.encoded_parts[0];
    assert.deepEqual([p.udh, p.udl, p.user_data], [udh, udl, ud], text);
    assert.equal(e.reference, null);
  }
  const long = septet.encode("a".repeat(200), { reference: 42 });
  assert.equal(long.reference, 42);
  assert.deepEqual(long.encoded_parts.map((p) => p.udh), ["0500032A0201", "0500032A0202"]);
});

test("decode reads user data and whole PDUs, and names bad input", () => {
  assert.equal(septet.decode({ userData: "C8329BFD06", dcs: 0, udl: 5 }).text, "Hello");
  const d = septet.decode({
    pdu: "07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F",
  });
  assert.equal(d.text, "™©®hello");
  assert.equal(d.encoding, "UCS-2");
  const cases = [
    [{ userData: "ZZ", dcs: 0, udl: 1 }, "bad_hex"],
    [{ userData: "C8329BFD06", dcs: 0, udl: 9 }, "user_data_too_short"],
    [{ userData: "0A0003", dcs: 0, udhi: true, udl: 3 }, "header_past_end"],
    [{ userData: "C8", dcs: 0, udl: 1, extra: 1 }, "invalid_request"],
    [{ dcs: 0 }, "invalid_request"],
  ];
  for (const [input, kind] of cases) {
    assert.throws(() => septet.decode(input), (e) => e.kind === kind && e.code === 400, kind);
  }
});

test("encode then decode gives the outgoing text back, part by part", () => {
  const texts = ["Don’t miss it…".repeat(20), "😀".repeat(50), "ş".repeat(160), "x{y}".repeat(60)];
  for (const text of texts) {
    const options = { smartEncoding: true, nationalLanguages: "all", maxParts: 20 };
    const e = septet.encode(text, options);
    const joined = e.encoded_parts
      .map((p) => septet.decode({ userData: p.user_data, dcs: p.dcs, udhi: p.udhi, udl: p.udl }).text)
      .join("");
    assert.equal(joined, septet.smartEncode(text));
    assert.equal(e.encoded_parts.length, septet.segmentsCount(text, options));
  }
});

test("encode equals the native septet encode --json", () => {
  const bin = new URL("../../target/debug/septet", import.meta.url).pathname;
  let native;
  try {
    native = JSON.parse(
      execFileSync(bin, ["encode", "--json", "--national-languages", "turkish", "--to", "+4915112345678", "Şişli'de buluşalım"]),
    );
  } catch {
    return; // the debug binary is built by cargo test; nothing to compare without it
  }
  const wasm = septet.encode("Şişli'de buluşalım", { nationalLanguages: "turkish", to: "+4915112345678" });
  assert.deepEqual(wasm, native);
});
