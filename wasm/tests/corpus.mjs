// A deterministic corpus of varied messages and options, shared by the differential test and
// the peer benchmark's generator.

export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["your", "code", "is", "ready", "order", "shipped", "tomorrow", "reply", "STOP", "to", "opt", "out", "café", "Ñandú", "ÉTÉ", "price", "$100", "50%", "ok!", "see", "you", "at", "5pm", "Δelta"];
const EXTENSION = ["€", "{", "}", "[", "]", "~", "^", "|", "\\", "\f"];
const SMART = ["’", "‘", "“", "”", "—", "–", "…", "½", "\t", "\u00a0", "\u200b", "\ufeff", "`", "Ａ", "«", "»", "•", "\u0303", "Α"];
const UNICODE = ["😀", "🎉", "👍🏽", "🇫🇷", "👩\u200d👩\u200d👧\u200d👦", "❤\ufe0f", "中文", "您好", "Привет", "ç", "e\u0301", "क्ष", "\u001b", "\u0000", "\r\n"];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** One message of a random category. */
export function message(rand) {
  const category = Math.floor(rand() * 8);
  const words = 2 + Math.floor(rand() * (rand() < 0.2 ? 120 : 30));
  let out = [];
  for (let i = 0; i < words; i++) {
    const r = rand();
    if (category >= 1 && r < 0.08) out.push(pick(rand, EXTENSION));
    else if (category >= 3 && r < 0.16) out.push(pick(rand, SMART));
    else if (category >= 6 && r < 0.22) out.push(pick(rand, UNICODE));
    else out.push(pick(rand, WORDS));
  }
  let text = out.join(rand() < 0.9 ? " " : "");
  if (category === 7 && rand() < 0.3) text = "\u200b\ufeff".repeat(1 + Math.floor(rand() * 3));
  if (rand() < 0.1) {
    // Pad to a segment edge with a 2-unit character on it.
    const edge = pick(rand, [67, 70, 153, 160, 306]);
    text = "a".repeat(edge - 1 - Math.floor(rand() * 3)) + pick(rand, ["€", "😀", "{", "🇫🇷"]) + "b".repeat(Math.floor(rand() * 5));
  }
  return text;
}

/** Per-message options, as a batch line spells them. */
export function lineOptions(rand) {
  const o = {};
  if (rand() < 0.5) o.smart_encoding = rand() < 0.6;
  if (rand() < 0.3) o.encoding = pick(rand, ["auto", "gsm7", "ucs2"]);
  if (rand() < 0.2) o.sender = pick(rand, ["long-code", "toll-free", "short-code", "alphanumeric"]);
  if (rand() < 0.2) o.charset = pick(rand, ["gsm0338", "carrier-safe", "ascii7"]);
  if (rand() < 0.3) o.split = pick(rand, ["units", "graphemes"]);
  return o;
}
