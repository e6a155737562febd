// The calculator page: reads the controls, asks septet-wasm, shows the answer. Every number on
// the page comes from the engine (analyze, partUnits, encode, udhElements, septets, smartEncode,
// substitutionName); this file only maps the engine's answer (character indices, replacements,
// part texts, headers, errors) onto the characters the user typed and into words, and keeps the
// numbers on screen when one field is wrong.
import init, { analyze, encode, partUnits, septets, smartEncode, substitutionName, udhElements } from "./pkg/septet.js";

/** How long typing must pause before the results are announced to screen readers. */
const ANNOUNCE_AFTER_MS = 800;
/** At most this many distinct characters are listed under the highlight. */
const LISTED_CHARACTERS = 12;

/** Limits lifted, for the what-if counts (the same message with smart encoding, without an emoji). */
const UNLIMITED = { maxParts: 1e9, maxCharacters: 1e9 };

const $ = (id) => document.getElementById(id);

// ---- Reading the controls ---------------------------------------------------------------

/** The options every analysis starts from: switches and menus, which cannot hold a bad value. */
function baseOptions() {
  const o = {
    smartEncoding: $("smart").checked,
    encoding: $("mode").value,
    charset: $("charset").value,
    split: $("graphemes").checked ? "graphemes" : "units",
    concat: $("concat").value,
    parts: true,
  };
  if ($("sender").value) o.sender = $("sender").value;
  return o;
}

/** Typed fields: each may be refused on its own, and its error is shown beside it. */
const FIELDS = [
  // National tables apply to the GSM 03.38 charset only: the engine refuses them with another.
  { id: "national", key: "nationalLanguages", read: (input) => (input.value === "none" ? undefined : input.value) },
  { id: "max-parts", key: "maxParts", read: (input) => (input.value.trim() === "" ? undefined : Number(input.value)) },
  { id: "rate", key: "rate", read: (input) => input.value.trim() || undefined },
  { id: "currency", key: "currency", read: (input) => input.value.trim() || undefined },
];

/** The typed fields' values, and an error for a number field holding something else. */
function typedFields() {
  const values = [];
  const errors = new Map();
  for (const field of FIELDS) {
    const input = $(field.id);
    if (input.validity && input.validity.badInput) {
      errors.set(field.id, "Not a number.");
      continue;
    }
    const value = field.read(input);
    if (value !== undefined) values.push([field, value]);
  }
  // The currency names the cost's unit: without a rate there is no cost, and the engine
  // refuses a currency alone. It waits for a rate.
  if (!values.some(([field]) => field.key === "rate")) {
    return { values: values.filter(([field]) => field.key !== "currency"), errors };
  }
  return { values, errors };
}

/** Errors that blame an option (a bad value, or national tables with a charset other than GSM 03.38). */
const OPTION_ERRORS = new Set(["invalid_option", "national_languages_with_charset"]);

/**
 * When the engine refuses an option: the typed fields it accepts, each tried on top of the base
 * options and those accepted before it, and the engine's error for each refused one (so one bad
 * field never hides the others' results).
 */
function acceptedFields(text, base, values, errors) {
  const accepted = {};
  for (const [field, value] of values) {
    // A currency waits for an accepted rate (the rate field shows its own error).
    if (field.key === "currency" && accepted.rate === undefined) continue;
    try {
      analyze(text, { ...base, ...accepted, [field.key]: value });
    } catch (e) {
      if (OPTION_ERRORS.has(e.kind)) {
        errors.set(field.id, e.message);
        continue;
      }
    }
    accepted[field.key] = value;
  }
  return accepted;
}

// ---- Asking the engine ------------------------------------------------------------------

/**
 * Analyses `text`. When the engine refuses the message (gsm7 impossible, too many parts or
 * characters) the refusal is kept and the limit that caused it is lifted, so the numbers of what
 * would be sent stay on screen: a refused gsm7 request shows what `auto` with smart encoding
 * sends; a message over the part or character limit shows its real size.
 */
function analyseKeepingNumbers(text, options) {
  const rejections = [];
  let refused = [];
  let relaxed = { ...options };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return { result: analyze(text, relaxed), rejections, refused, relaxed };
    } catch (e) {
      rejections.push(e);
      const data = e.data || {};
      if (e.kind === "not_gsm7") {
        refused = data.non_gsm || [];
        relaxed = { ...relaxed, encoding: "auto", smartEncoding: true };
      } else if (e.kind === "too_many_parts" && Number.isInteger(data.parts)) {
        relaxed = { ...relaxed, maxParts: data.parts };
      } else if (e.kind === "too_many_characters" && Number.isInteger(data.characters)) {
        relaxed = { ...relaxed, maxCharacters: data.characters };
      } else {
        break;
      }
    }
  }
  return { result: null, rejections, refused, relaxed };
}

const septetCache = new Map();

/**
 * The engine's septet cost of a character in the result's charset and national tables (1, 2, or
 * undefined), remembered.
 */
function septetsOf(c, result) {
  const { locking, single } = result.national_language;
  const key = `${result.charset}\u0000${locking}\u0000${single}\u0000${c}`;
  if (!septetCache.has(key)) septetCache.set(key, septets(c, result.charset, result.national_language));
  return septetCache.get(key);
}

/**
 * What goes out, part by part, from the engine: the units of each part's text (the split's own
 * counts) and, from `encode`, the header each part carries, read back into its elements. The
 * error instead when the bytes cannot be built (more than 255 parts).
 */
function partsOnTheWire(text, options) {
  try {
    const units = partUnits(text, options);
    const headers = encode(text, options).encoded_parts.map((p) => ({ udh: p.udh, elements: udhElements(p.udh), part: p }));
    return { units, headers };
  } catch (e) {
    return { error: e };
  }
}

/**
 * When smart encoding is off and would make the message GSM-7 in fewer parts: the analysis with
 * it (limits lifted, as the CLI's hint does).
 */
function smartSaving(text, options, result) {
  if (!result || options.smartEncoding || options.encoding !== "auto" || result.encoding !== "UCS-2") return null;
  try {
    const smart = analyze(text, { ...options, ...UNLIMITED, smartEncoding: true });
    if (smart.encoding === "GSM-7" && smart.parts < result.parts) return smart;
  } catch {
    // Smart encoding would leave nothing to send (only removable characters): no saving.
  }
  return null;
}

/** The languages of the national tables, in the order of their NLIs (the lower wins a tie). */
const LANGUAGES = ["turkish", "spanish", "portuguese", "bengali", "gujarati", "hindi", "kannada", "malayalam", "oriya",
  "punjabi", "tamil", "telugu", "urdu"];

/**
 * When no national table is enabled, the route is GSM 03.38 and the encoding `auto`: the
 * language whose tables make the message GSM-7 in the fewest parts, when fewer than now, with
 * that analysis (limits lifted, as the CLI's hint does).
 */
function nationalSaving(text, options, result) {
  if (!result || options.nationalLanguages || options.encoding !== "auto" || result.encoding !== "UCS-2" || result.charset !== "gsm0338") {
    return null;
  }
  let best = null;
  for (const language of LANGUAGES) {
    try {
      const r = analyze(text, { ...options, ...UNLIMITED, parts: false, rate: undefined, currency: undefined, nationalLanguages: language });
      if (r.encoding === "GSM-7" && (!best || r.parts < best.result.parts)) best = { language, result: r };
    } catch {
      // Nothing left to send with these tables: no saving.
    }
  }
  return best && best.result.parts < result.parts ? best : null;
}

// ---- Showing the answer -----------------------------------------------------------------

function show(id, value) {
  $(id).textContent = value;
}

/** A number with its qualifier in smaller type ("122" + " of 160"), read as one text. */
function showWithSmall(id, number, rest) {
  const small = document.createElement("small");
  small.textContent = rest;
  $(id).replaceChildren(number, small);
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** "turkish" → "Turkish" (the engine names languages in lower case). */
function languageName(name) {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The tables a result names, in words: "GSM-7 with the Turkish single shift table". */
function alphabetSentence(result) {
  if (result.encoding !== "GSM-7") return `${result.encoding}: 16 bits a character, no GSM-7 tables`;
  const { locking, single } = result.national_language;
  const tables = [];
  if (locking) tables.push(`the ${languageName(locking)} locking shift table`);
  if (single) tables.push(`the ${languageName(single)} single shift table`);
  if (tables.length === 0) return "GSM-7 with the default alphabet and its extension table";
  return `GSM-7 with ${tables.join(" and ")}`;
}

/** A header element in words, from what the engine read in it. */
function elementMeaning(element) {
  const ie = `IE ${element.octets.slice(0, 2)}`;
  switch (element.kind) {
    case "udhl":
      return `UDHL: ${plural(element.length, "octet", "octets")} of elements follow`;
    case "concatenation":
      return `${ie}: concatenation, ${element.bits}-bit reference ${element.reference}, part ${element.sequence} of ${element.total}`;
    case "single_shift":
    case "locking_shift": {
      const table = element.kind === "single_shift" ? "single shift" : "locking shift";
      const language = element.language ? languageName(element.language) : "default";
      return `${ie}: national ${table} table, ${language} (NLI ${element.nli})`;
    }
    default:
      return `${ie}: ${element.note}`;
  }
}

/** Hex in octets: "050003" → "05 00 03". */
function spacedHex(hex) {
  return (hex.match(/../g) || []).join(" ");
}

function unitName(result) {
  return result.encoding === "GSM-7" ? "septets" : "UTF-16 units";
}

function codePoint(c) {
  return "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/** What the user would recognise a character by: itself, or a symbol for invisible ones. */
function visible(c) {
  if (c === "\n") return "↵";
  if (c === "\r") return "␍";
  if (c === "\t") return "⇥";
  if (/^[\p{Cc}\p{Cf}\p{Z}\p{M}]+$/u.test(c) && c !== " ") return "◌" + (/\p{M}/u.test(c) ? c : "");
  return c;
}

function describe(chars) {
  return Array.from(chars)
    .map((c) => {
      const name = substitutionName(c);
      return name ? `${codePoint(c)} ${name}` : codePoint(c);
    })
    .join(" + ");
}

function setFieldError(id, message) {
  const error = $(`${id}-error`);
  const input = $(id === "message" ? "message" : id);
  if (message) {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
  } else {
    error.textContent = "";
    error.hidden = true;
    input.removeAttribute("aria-invalid");
  }
}

/** Code-point index → UTF-16 index, for selecting in the text box. */
function utf16Offsets(chars) {
  const offsets = [0];
  for (const c of chars) offsets.push(offsets[offsets.length - 1] + c.length);
  return offsets;
}

/** Code-point index → index of the first code point of its grapheme. */
function graphemeStarts(text, chars) {
  const start = new Array(chars.length);
  if (typeof Intl.Segmenter !== "function") {
    for (let i = 0; i < chars.length; i++) start[i] = i;
    return { start, length: () => 1 };
  }
  const lengths = new Map();
  let index = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
    const n = Array.from(segment).length;
    lengths.set(index, n);
    for (let k = 0; k < n; k++) start[index + k] = index;
    index += n;
  }
  return { start, length: (i) => lengths.get(i) || 1 };
}

/** The input characters after which a part ends, from the part texts and the replacements. */
function partEnds(chars, result, replaced) {
  const cutsAfter = new Set();
  if (!result || !result.part_texts || result.part_texts.length < 2) return cutsAfter;
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
  return cutsAfter;
}

/** The kinds of marked characters, most important first. */
const ORDER = { refused: 0, ucs2: 1, replaced: 2, ext: 3 };

/** Highlights the typed text and lists the characters that matter, grouped by grapheme. */
function renderCharacters(text, result, refusedList, options) {
  const chars = Array.from(text);
  const forcing = new Set(result ? result.non_gsm.map((c) => c.char_index) : []);
  const refused = new Set(refusedList.map((c) => c.char_index));
  const replaced = new Map(result ? result.replacements.map((r) => [r.char_index, r.to]) : []);
  const cutsAfter = partEnds(chars, result, replaced);
  const gsm = result && result.encoding === "GSM-7";
  const kinds = chars.map((c, i) => {
    if (refused.has(i)) return "refused";
    if (forcing.has(i)) return "ucs2";
    if (replaced.has(i)) return "replaced";
    if (gsm && septetsOf(c, result) === 2) return "ext";
    return "";
  });

  // A mark covers the whole grapheme (an emoji with its variation selector or skin tone, a
  // letter with its accents), unless a part ends inside it; unmarked text goes in as plain runs.
  const graphemes = graphemeStarts(text, chars);
  const nodes = [];
  let run = "";
  const flush = () => {
    if (run) nodes.push(run);
    run = "";
  };
  const shown = (c) => (c === "\n" ? "↵\n" : c);
  let i = 0;
  while (i < chars.length) {
    let end = graphemes.start[i] + graphemes.length(graphemes.start[i]);
    for (let k = i; k < end - 1; k++) {
      if (cutsAfter.has(k)) {
        end = k + 1;
        break;
      }
    }
    const kind = kinds.slice(i, end).filter(Boolean).sort((a, b) => ORDER[a] - ORDER[b])[0];
    const cluster = chars.slice(i, end).map(shown).join("");
    if (kind) {
      flush();
      const mark = document.createElement("mark");
      mark.className = kind;
      mark.textContent = cluster;
      nodes.push(mark);
    } else {
      run += cluster;
    }
    if (cutsAfter.has(end - 1)) {
      flush();
      const cut = document.createElement("span");
      cut.className = "cut";
      cut.setAttribute("role", "img");
      cut.setAttribute("aria-label", "part ends here");
      nodes.push(cut);
    }
    i = end;
  }
  flush();
  $("highlight").replaceChildren(...nodes);

  // The list: one entry per distinct grapheme that holds a marked character.
  const groups = new Map();
  if (!kinds.some(Boolean)) {
    $("char-list").replaceChildren();
    $("chars").hidden = true;
    $("without").hidden = true;
    return;
  }
  const offsets = utf16Offsets(chars);
  chars.forEach((c, i) => {
    if (!kinds[i]) return;
    const start = graphemes.start[i];
    const length = graphemes.length(start);
    const grapheme = chars.slice(start, start + length).join("");
    const kind = kinds[i];
    const key = `${kind}\u0000${grapheme}`;
    let group = groups.get(key);
    if (!group) {
      group = { kind, grapheme, marked: [], starts: [], to: replaced.get(i) };
      groups.set(key, group);
    }
    if (!group.marked.includes(c)) group.marked.push(c);
    if (group.starts.at(-1) !== start) group.starts.push(start);
    group.length = length;
  });
  const sorted = [...groups.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.starts[0] - b.starts[0]);
  const list = $("char-list");
  list.replaceChildren();
  for (const group of sorted.slice(0, LISTED_CHARACTERS)) {
    const item = document.createElement("li");
    item.className = group.kind;
    const glyph = document.createElement("mark");
    glyph.className = group.kind;
    glyph.textContent = Array.from(group.grapheme).map(visible).join("");
    const what = {
      refused: "cannot be sent as GSM-7: refused by the gsm7 request",
      ucs2: "forces the whole message into UCS-2",
      replaced: group.to === "" ? "smart encoding removes it" : "smart encoding sends",
      ext: result.national_language.single
        ? `in the ${languageName(result.national_language.single)} single shift table: 2 septets`
        : "an extension character: 2 septets",
    }[group.kind];
    const label = document.createElement("span");
    label.append(` ${describe(group.marked.join(""))}: ${what}`);
    if (group.kind === "replaced" && group.to !== "") {
      const to = document.createElement("code");
      to.textContent = group.to;
      label.append(" ", to);
    }
    label.append(`, ${group.starts.length}×. `);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    let next = 0;
    const name = `${describe(group.marked.join(""))}`;
    button.textContent = group.starts.length > 1 ? `Show in message (1 of ${group.starts.length})` : "Show in message";
    button.setAttribute("aria-label", `${button.textContent}: ${name}`);
    button.addEventListener("click", () => {
      const start = group.starts[next];
      const box = $("message");
      box.focus();
      box.setSelectionRange(offsets[start], offsets[start + group.length]);
      next = (next + 1) % group.starts.length;
      if (group.starts.length > 1) {
        button.textContent = `Show in message (${next + 1} of ${group.starts.length})`;
        button.setAttribute("aria-label", `${button.textContent}: ${name}`);
      }
    });
    item.append(glyph, label, button);
    list.append(item);
  }
  if (sorted.length > LISTED_CHARACTERS) {
    const more = document.createElement("li");
    more.textContent = `and ${sorted.length - LISTED_CHARACTERS} more`;
    list.append(more);
  }
  $("chars").hidden = sorted.length === 0;
  renderWithout(chars, sorted.filter((g) => g.kind === "ucs2"), result, options);
}

/**
 * When a few characters force UCS-2 (an emoji in a long message): what the engine says the
 * message would be without them, if that is GSM-7 in fewer parts.
 */
function renderWithout(chars, forcing, result, options) {
  const line = $("without");
  line.hidden = true;
  if (!result || result.encoding !== "UCS-2" || options.encoding !== "auto" || forcing.length === 0 || forcing.length > 3) return;
  const dropped = new Set();
  for (const group of forcing) {
    for (const start of group.starts) for (let k = start; k < start + group.length; k++) dropped.add(k);
  }
  const rest = chars.filter((c, i) => !dropped.has(i)).join("");
  let without;
  try {
    without = analyze(rest, { ...options, ...UNLIMITED, parts: false, rate: undefined, currency: undefined });
  } catch {
    return;
  }
  if (without.encoding !== "GSM-7" || without.parts >= result.parts) return;
  const names = forcing.map((g) => g.grapheme).join(" ");
  line.textContent = `Without ${names} this message would be GSM-7: ${plural(without.parts, "part", "parts")} instead of ${result.parts}.`;
  line.hidden = false;
}

function renderParts(result, wire) {
  const list = $("part-list");
  list.replaceChildren();
  if (!result || !result.part_texts) {
    const empty = document.createElement("li");
    empty.className = "empty";
    empty.textContent = "No parts: there is nothing to send.";
    list.append(empty);
    return;
  }
  const unit = unitName(result);
  result.part_texts.forEach((text, i) => {
    const item = document.createElement("li");
    item.className = "part";
    const head = document.createElement("div");
    head.className = "part-head";
    const title = document.createElement("strong");
    title.id = `part-${i + 1}-title`;
    title.textContent = `Part ${i + 1} of ${result.part_texts.length}`;
    const used = document.createElement("span");
    used.className = "part-used";
    used.dataset.testid = "part-used";
    head.append(title, used);
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.setAttribute("aria-hidden", "true");
    const fill = document.createElement("div");
    bar.append(fill);
    if (wire.units) {
      used.textContent = `${wire.units[i]}/${result.units_per_part} ${unit}`;
      fill.style.width = `${Math.min(100, (100 * wire.units[i]) / result.units_per_part)}%`;
    } else {
      used.textContent = `?/${result.units_per_part} ${unit}`;
    }
    const body = document.createElement("div");
    body.className = "part-text";
    body.dataset.testid = "part-text";
    body.textContent = text;
    item.append(head, bar, renderHeader(wire, i, title.id), body);
    list.append(item);
  });
}

/** The header part `i` carries: its octets, then a table of its elements and what they say. */
function renderHeader(wire, i, titleId) {
  const box = document.createElement("div");
  box.className = "udh";
  box.dataset.testid = "part-udh";
  if (wire.error) {
    box.textContent = `Header: not available (${wire.error.message}).`;
    return box;
  }
  const { udh, elements, part } = wire.headers[i];
  const line = document.createElement("p");
  line.className = "udh-line";
  const label = document.createElement("span");
  label.className = "udh-label";
  label.textContent = "Header";
  const octets = document.createElement("code");
  octets.dataset.testid = "udh-hex";
  if (udh === "") {
    octets.textContent = "none";
    line.append(label, " ", octets, ` (TP-UDHI ${part.udhi ? "set" : "clear"})`);
    box.append(line);
    return box;
  }
  octets.textContent = spacedHex(udh);
  line.append(label, " ", octets, ` (${plural(udh.length / 2, "octet", "octets")}, TP-UDHI ${part.udhi ? "set" : "clear"})`);
  const table = document.createElement("table");
  table.className = "udh-elements";
  table.setAttribute("aria-labelledby", titleId);
  const caption = document.createElement("caption");
  caption.className = "visually-hidden";
  caption.textContent = "Header elements";
  table.append(caption);
  for (const element of elements) {
    const row = document.createElement("tr");
    row.dataset.testid = "udh-element";
    row.dataset.kind = element.kind;
    const hex = document.createElement("td");
    const code = document.createElement("code");
    code.textContent = spacedHex(element.octets);
    hex.append(code);
    const meaning = document.createElement("td");
    meaning.textContent = elementMeaning(element);
    row.append(hex, meaning);
    table.append(row);
  }
  box.append(line, table);
  return box;
}

// ---- The update cycle -------------------------------------------------------------------

let announceTimer = 0;
let lastSentence = "";

function announceLater(sentence) {
  lastSentence = sentence;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    $("announcer").textContent = lastSentence;
  }, ANNOUNCE_AFTER_MS);
}

function rejectionText(e, relaxedFrom) {
  const data = e.data || {};
  const code = e.code ? ` (${e.code})` : "";
  switch (e.kind) {
    case "not_gsm7": {
      const listed = (data.non_gsm || []).map((c) => `${c.char} ${c.code_point}`);
      return `Refused${code}: the gsm7 request cannot be sent as GSM-7 because of ${listed.join(", ")} (marked below). The numbers show what auto encoding with smart encoding would send.`;
    }
    case "too_many_parts":
      return `Refused${code}: ${e.message}. The numbers show the whole message.`;
    case "too_many_characters":
      return `Refused${code}: ${e.message}. The numbers show the whole message.`;
    case "no_content":
      return relaxedFrom === "" ? `Type a message: an empty message is refused${code}.` : `Refused${code}: ${e.message}.`;
    default:
      return `Refused${code}: ${e.message}.`;
  }
}

let shown = null;

function update() {
  const text = $("message").value;
  const base = baseOptions();
  show("smart-state", base.smartEncoding ? "(on)" : "(off)");
  // Nothing changed (a `change` event after `input`, a focus move): keep the page as it is, so
  // a button the user is pressing is not replaced under the pointer.
  const state = JSON.stringify([text, base, FIELDS.map((f) => $(f.id).value)]);
  if (state === shown) return;
  shown = state;
  const { values, errors } = typedFields();
  let options = { ...base, ...Object.fromEntries(values.map(([field, value]) => [field.key, value])) };
  let outcome = analyseKeepingNumbers(text, options);
  if (values.length && outcome.rejections.some((e) => OPTION_ERRORS.has(e.kind))) {
    options = { ...base, ...acceptedFields(text, base, values, errors) };
    outcome = analyseKeepingNumbers(text, options);
  }
  for (const field of FIELDS) setFieldError(field.id, errors.get(field.id));
  const { result, rejections, refused, relaxed } = outcome;

  setFieldError("message", rejections.length ? rejections.map((e) => rejectionText(e, text)).join(" ") : "");
  $("summary").classList.toggle("refused", rejections.length > 0);

  let sentence;
  if (result) {
    const unit = unitName(result);
    show("encoding", result.encoding);
    // The tables in force, once the user has enabled national tables (without them they are
    // always the default alphabet, which the encoding already says).
    show("alphabet", alphabetSentence(result) + ".");
    $("alphabet").hidden = !options.nationalLanguages;
    show("characters", String(result.characters));
    show("units-label", unit[0].toUpperCase() + unit.slice(1));
    show("units", String(result.units));
    show("parts", String(result.parts));
    showWithSmall("remaining", String(result.units_remaining), ` of ${result.units_per_part}`);
    if (result.cost) showWithSmall("cost", result.cost.amount, result.cost.currency ? ` ${result.cost.currency}` : "");
    else show("cost", "–");
    const national = result.national_language.locking || result.national_language.single;
    sentence = `${national ? alphabetSentence(result) : result.encoding}, ${plural(result.characters, "character", "characters")}, ${plural(result.units, unit.replace(/s$/, ""), unit)}, ${plural(result.parts, "part", "parts")}, ${result.units_remaining} left in the last part`;
    if (result.cost) sentence += `, cost ${$("cost").textContent}`;
    sentence += ".";
  } else {
    const empty = text === "";
    show("encoding", "–");
    show("alphabet", "");
    $("alphabet").hidden = true;
    show("characters", empty ? "0" : "–");
    show("units-label", "Units");
    show("units", empty ? "0" : "–");
    show("parts", empty ? "0" : "–");
    show("remaining", "–");
    show("cost", "–");
    sentence = empty ? "The message is empty." : "";
  }
  if (rejections.length) sentence = `${rejectionText(rejections[0], text)} ${sentence}`;

  const notice = $("notice");
  const warnings = result ? result.warnings : [];
  notice.hidden = warnings.length === 0;
  notice.textContent = warnings.map((w) => `Warning ${w.code}: ${w.detail}`).join(" ");

  const saving = smartSaving(text, options, result);
  $("savings").hidden = !saving;
  if (saving) {
    const line = `Smart encoding would make this GSM-7: ${plural(saving.parts, "part", "parts")} instead of ${result.parts}.`;
    show("savings-text", line);
    sentence += ` ${line}`;
  }
  // Failing that, national language tables (the CLI's `enabling turkish would make this ...`).
  const national = saving ? null : nationalSaving(text, options, result);
  $("national-savings").hidden = !national;
  if (national) {
    const name = languageName(national.language);
    const line = `The ${name} national language tables would make this GSM-7: ${plural(national.result.parts, "part", "parts")} instead of ${result.parts}.`;
    show("national-savings-text", line);
    show("national-savings-on", `Use the ${name} tables`);
    $("national-savings-on").dataset.language = national.language;
    sentence += ` ${line}`;
  }

  renderCharacters(text, result, refused, options);
  renderParts(result, result ? partsOnTheWire(text, relaxed) : {});
  try {
    $("smart-text").textContent = smartEncode(text);
  } catch {
    $("smart-text").textContent = "";
  }
  announceLater(sentence.trim());
}

await init();
for (const id of ["message", "smart", "mode", "sender", "charset", "national", "concat", "graphemes", "rate", "currency", "max-parts"]) {
  $(id).addEventListener("input", update);
  $(id).addEventListener("change", update);
}
$("national-savings-on").addEventListener("click", () => {
  $("national").value = $("national-savings-on").dataset.language;
  update();
  $("national").focus();
});
$("savings-on").addEventListener("click", () => {
  $("smart").checked = true;
  update();
  $("smart").focus();
});
$("copy").addEventListener("click", async () => {
  const text = $("smart-text").textContent;
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    // No clipboard permission (or an old browser): select the text and use the copy command.
    const range = document.createRange();
    range.selectNodeContents($("smart-text"));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    copied = document.execCommand("copy");
  }
  show("copy-status", copied ? `Copied ${plural(Array.from(text).length, "character", "characters")}.` : "Copy failed: select the text and copy it by hand.");
  setTimeout(() => show("copy-status", ""), 4000);
});
update();
document.body.dataset.ready = "true";
