// The peer comparison's workload, shared by peers.mjs and breakdown.mjs: deterministic short
// messages, about 80% GSM text, 15% with smart punctuation, 5% emoji/CJK.
import { prng } from "../../wasm/tests/corpus.mjs";

const WORDS = "your order has shipped and will arrive tomorrow between 9am and 5pm reply STOP to opt out code is valid for minutes thanks for shopping with us see details at example.com/t/8XK2 call 555-0100 appointment confirmed Dr. Smith on Monday at 10:30 balance due is $42.50 please pay by Friday".split(" ");
const GSM_EXTRA = ["€5", "{promo}", "[info]", "café", "Ñandú", "¿qué?", "50%", "@home", "£3"];
const SMART = ["don’t", "“sale”", "—", "it’s", "…", "‘VIP’", "–"];
const WIDE = ["😀", "🎉", "👍🏽", "👩\u200d👩\u200d👧", "🇫🇷", "您好", "订单已发货", "❤\ufe0f"];
export function workload(n) {
  const rand = prng(5);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const kind = r < 0.8 ? "gsm" : r < 0.95 ? "smart" : "wide";
    const target = 20 + Math.floor(rand() * 141);
    const words = [];
    let len = 0;
    while (len < target) {
      let w = pick(WORDS);
      const x = rand();
      if (kind === "gsm" && x < 0.05) w = pick(GSM_EXTRA);
      if (kind === "smart" && x < 0.15) w = pick(SMART);
      if (kind === "wide" && x < 0.15) w = pick(WIDE);
      words.push(w);
      len += w.length + 1;
    }
    out.push(Array.from(words.join(" ")).slice(0, Math.max(20, target)).join(""));
  }
  return out;
}

