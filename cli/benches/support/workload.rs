//! The peer benchmark's workload (`benches/peers/peers.mjs`), ported message for message: the
//! same PRNG (mulberry32, `wasm/tests/corpus.mjs`), seed, word lists and mix (about 80% GSM
//! text, 15% with smart punctuation, 5% emoji/CJK), so `workload(100_000)` here equals the
//! peers' 100,000 messages and `workload(1_000_000)` extends it.

/// mulberry32, as `prng` in `wasm/tests/corpus.mjs`: numbers in [0, 1).
pub struct Prng(u32);

impl Prng {
    pub fn new(seed: u32) -> Self {
        Prng(seed)
    }

    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next_f64() * list.len() as f64) as usize]
    }
}

const WORDS: &str = "your order has shipped and will arrive tomorrow between 9am and 5pm reply STOP to opt out code is valid for minutes thanks for shopping with us see details at example.com/t/8XK2 call 555-0100 appointment confirmed Dr. Smith on Monday at 10:30 balance due is $42.50 please pay by Friday";
const GSM_EXTRA: &[&str] = &[
    "€5", "{promo}", "[info]", "café", "Ñandú", "¿qué?", "50%", "@home", "£3",
];
const SMART: &[&str] = &["don’t", "“sale”", "—", "it’s", "…", "‘VIP’", "–"];
const WIDE: &[&str] = &[
    "😀",
    "🎉",
    "👍🏽",
    "👩\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "您好",
    "订单已发货",
    "❤\u{fe0f}",
];

/// The first `n` messages of the workload.
pub fn workload(n: usize) -> Vec<String> {
    let words: Vec<&str> = WORDS.split(' ').collect();
    let mut rand = Prng::new(5);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let r = rand.next_f64();
        let kind = if r < 0.8 {
            0
        } else if r < 0.95 {
            1
        } else {
            2
        };
        let target = 20 + (rand.next_f64() * 141.0) as usize;
        let mut picked: Vec<&str> = Vec::new();
        let mut len = 0; // UTF-16 units, as JavaScript's `length`
        while len < target {
            let mut w = rand.pick(&words);
            let x = rand.next_f64();
            if kind == 0 && x < 0.05 {
                w = rand.pick(GSM_EXTRA);
            }
            if kind == 1 && x < 0.15 {
                w = rand.pick(SMART);
            }
            if kind == 2 && x < 0.15 {
                w = rand.pick(WIDE);
            }
            picked.push(w);
            len += w.encode_utf16().count() + 1;
        }
        out.push(picked.join(" ").chars().take(target.max(20)).collect());
    }
    out
}

/// The workload as JSON Lines, `{"id": i, "text": ...}` per line, as peers.mjs writes it.
pub fn workload_jsonl(n: usize) -> String {
    let mut out = String::new();
    for (id, text) in workload(n).into_iter().enumerate() {
        out.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
        out.push('\n');
    }
    out
}
