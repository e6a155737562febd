// The calculator page: reads the controls, asks septet-wasm, shows the result. All SMS logic is
// in the engine; this file only maps its answer (character indices, replacements, part texts)
// onto the characters the user typed.
import init, { analyze, septets, smartEncode, substitutionName } from "./pkg/septet.js";

const $ = (id) => document.getElementById(id);

function options() {
  const o = {
    smartEncoding: $("smart").checked,
    encoding: $("mode").value,
    charset: $("charset").value,
    split: $("graphemes").checked ? "graphemes" : "units",
    parts: true,
  };
  if ($("sender").value) o.sender = $("sender").value;
  const rate = $("rate").value.trim();
  if (rate) o.rate = rate;
  const currency = $("currency").value.trim();
  if (currency) o.currency = currency;
  const max = Number.parseInt($("max-parts").value, 10);
  if (Number.isInteger(max) && max > 0) o.maxParts = max;
  return o;
}

function codePoint(c) {
  return "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
}

function describe(c) {
  const name = substitutionName(c);
  return name ? `${codePoint(c)} ${name}` : codePoint(c);
}

/** Renders the typed characters with their classes and the part ends. */
function renderHighlight(text, result) {
  const chars = Array.from(text);
  const nonGsm = new Set(result ? result.non_gsm.map((c) => c.char_index) : []);
  const replaced = new Map(result ? result.replacements.map((r) => [r.char_index, r.to]) : []);
  // Outgoing characters each input character becomes, to place the part ends.
  const cutsAfter = new Set();
  if (result && result.part_texts && result.part_texts.length > 1) {
    let boundary = 0;
    const ends = [];
    for (const part of result.part_texts.slice(0, -1)) {
      boundary += Array.from(part).length;
      ends.push(boundary);
    }
    let out = 0;
    let next = 0;
    chars.forEach((c, i) => {
      out += replaced.has(i) ? Array.from(replaced.get(i)).length : 1;
      while (next < ends.length && out >= ends[next]) {
        cutsAfter.add(i);
        next++;
      }
    });
  }
  const box = $("highlight");
  box.replaceChildren();
  chars.forEach((c, i) => {
    const span = document.createElement("span");
    span.textContent = c === "\n" ? "↵\n" : c;
    if (nonGsm.has(i)) {
      span.className = "ucs2";
      span.title = `${describe(c)}: forces UCS-2`;
    } else if (replaced.has(i)) {
      const to = replaced.get(i);
      span.className = "replaced";
      span.title = `${describe(c)} → ${to === "" ? "(removed)" : JSON.stringify(to)}`;
    } else if (result && result.encoding === "GSM-7" && septets(c, result.charset) === 2) {
      span.className = "ext";
      span.title = `${codePoint(c)}: extension character, 2 septets`;
    }
    box.append(span);
    if (cutsAfter.has(i)) {
      const cut = document.createElement("span");
      cut.className = "cut";
      cut.setAttribute("role", "img");
      cut.setAttribute("aria-label", "part ends here");
      box.append(cut);
    }
  });
}

function show(id, value) {
  $(id).textContent = value;
}

function update() {
  const text = $("message").value;
  const o = options();
  const notice = $("notice");
  notice.hidden = true;
  notice.className = "notice";
  let result = null;
  try {
    result = analyze(text, o);
  } catch (e) {
    notice.hidden = false;
    notice.classList.add("error");
    notice.textContent = `Rejected (${e.code}): ${e.message}`;
    if (e.data && e.data.non_gsm) {
      notice.textContent += " — " + e.data.non_gsm.map((c) => `${c.char} ${c.code_point} at ${c.char_index}`).join(", ");
    }
  }
  if (result) {
    const unit = result.encoding === "GSM-7" ? "septets" : "UTF-16 units";
    show("encoding", result.encoding);
    show("characters", String(result.characters));
    show("units-label", `Units (${unit})`);
    show("units", String(result.units));
    show("parts", String(result.parts));
    show("remaining", `${result.units_remaining} of ${result.units_per_part}`);
    show("cost", result.cost ? `${result.cost.amount}${result.cost.currency ? " " + result.cost.currency : ""}` : "–");
    if (result.warnings.length) {
      notice.hidden = false;
      notice.classList.add("warning");
      notice.textContent = result.warnings.map((w) => `Warning ${w.code}: ${w.detail}`).join(" ");
    }
  } else {
    for (const id of ["encoding", "characters", "units", "parts", "remaining", "cost"]) show(id, "–");
  }
  renderHighlight(text, result);
  try {
    $("smart-text").textContent = o.smartEncoding || o.encoding === "gsm7" ? smartEncode(text) : text;
  } catch (e) {
    $("smart-text").textContent = "";
  }
}

await init();
for (const id of ["message", "smart", "mode", "sender", "charset", "graphemes", "rate", "currency", "max-parts"]) {
  $(id).addEventListener("input", update);
  $(id).addEventListener("change", update);
}
$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText($("smart-text").textContent);
    $("copy").textContent = "Copied";
  } catch {
    $("copy").textContent = "Copy failed";
  }
  setTimeout(() => ($("copy").textContent = "Copy"), 1500);
});
update();
document.body.dataset.ready = "true";
