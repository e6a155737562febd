// The calculator page in headless Chromium (Debian's, driven by playwright-core, which gives it a
// fresh temporary profile): served on 127.0.0.1, typed into and toggled as a user would. The
// expected numbers are worked out by hand from the rules (160/153 septets, 70/67 UTF-16 units,
// extension characters 2 septets, surrogate pairs never cut). Screenshots at desktop and phone
// width go to wasm/test-output/ (git-ignored).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM, launchChromium, serveDirectory } from "./serve.mjs";

const www = fileURLToPath(new URL("../www/", import.meta.url));
const out = fileURLToPath(new URL("../test-output/", import.meta.url));
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Every option control, in the order a keyboard user meets them. */
const CONTROLS = ["smart", "mode", "sender", "charset", "national", "concat", "max-parts", "rate", "currency", "graphemes"];

describe("the calculator page", { skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let server;
  let browser;
  let url;

  before(async () => {
    assert.ok(existsSync(join(www, "pkg/septet_wasm_bg.wasm")), "run wasm/build.sh first");
    server = await serveDirectory(www);
    url = `http://127.0.0.1:${server.address().port}/`;
    browser = await launchChromium();
    await mkdir(out, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** A fresh page at `viewport`; `t.after` checks it raised no script error and loaded everything. */
  async function open(t, viewport = DESKTOP, contextOptions = {}) {
    const context = await browser.newContext({ viewport, ...contextOptions });
    const page = await context.newPage();
    const failures = [];
    page.on("pageerror", (e) => failures.push(e.message));
    page.on("requestfailed", (r) => failures.push(`request failed: ${r.url()}`));
    page.on("console", (m) => m.type() === "error" && failures.push(m.text()));
    t.after(async () => {
      await context.close();
      assert.deepEqual(failures, []);
    });
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 10000 }).catch((e) => {
      throw new Error(`the page did not start: ${failures.join("; ") || e.message}`);
    });
    const text = (id) => page.locator(`[data-testid=${id}]`).textContent();
    const type = (message) => page.locator("#message").fill(message);
    /** The highlighted text up to the first part end. */
    const beforeFirstCut = () => page.evaluate(() => {
      let s = "";
      for (const node of document.getElementById("highlight").childNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains("cut")) break;
        s += node.textContent;
      }
      return s;
    });
    const parts = async () => ({
      used: await page.locator("[data-testid=part-used]").allTextContents(),
      texts: await page.locator("[data-testid=part-text]").allTextContents(),
    });
    return { page, text, type, parts, beforeFirstCut };
  }

  test("smart encoding is on by default, with a visible switch a keyboard can turn off", async (t) => {
    const { page, text } = await open(t);
    const smart = page.locator("#smart");
    assert.equal(await smart.getAttribute("role"), "switch");
    assert.ok(await smart.isChecked());
    assert.ok(await smart.isVisible());
    assert.match(await page.locator("label[for=smart]").textContent(), /Smart encoding \(on\)/);
    // The sample's curly quotes and dash are replaced: GSM-7, 38 septets, 4 marked replacements.
    assert.equal(await text("encoding"), "GSM-7");
    assert.equal(await text("units"), "38");
    assert.equal(await page.locator("#highlight mark.replaced").count(), 4);
    await smart.focus();
    await page.keyboard.press("Space");
    assert.equal(await smart.isChecked(), false);
    assert.match(await page.locator("label[for=smart]").textContent(), /Smart encoding \(off\)/);
    assert.equal(await text("encoding"), "UCS-2");
    assert.equal(await page.locator("#highlight mark.ucs2").count(), 4);
  });

  test("each part is shown with its text and the capacity it uses", async (t) => {
    const { page, text, type, parts, beforeFirstCut } = await open(t);
    await type("Hello there");
    assert.deepEqual(await parts(), { used: ["11/160 septets"], texts: ["Hello there"] });
    assert.equal(await text("remaining"), "149 of 160");

    // 400 septets: 153 + 153 + 94.
    await type("x".repeat(400));
    assert.deepEqual((await parts()).used, ["153/153 septets", "153/153 septets", "94/153 septets"]);

    // € costs 2 septets and is never cut from its escape: it moves to part 2, part 1 holds 152.
    await type("a".repeat(152) + "€" + "b".repeat(10));
    assert.deepEqual(await parts(), {
      used: ["152/153 septets", "12/153 septets"],
      texts: ["a".repeat(152), "€" + "b".repeat(10)],
    });
    assert.equal(await text("units"), "164");
    assert.equal(await page.locator("#highlight .cut").count(), 1);
    assert.equal(await beforeFirstCut(), "a".repeat(152));
    assert.equal(await page.locator("#highlight mark.ext").count(), 1);

    // UCS-2: 67 units a part; an emoji (2 units) is never cut in half.
    await type("ж".repeat(66) + "😀" + "ж".repeat(5));
    assert.equal(await text("encoding"), "UCS-2");
    assert.deepEqual(await parts(), {
      used: ["66/67 UTF-16 units", "7/67 UTF-16 units"],
      texts: ["ж".repeat(66), "😀" + "ж".repeat(5)],
    });

    // With smart encoding the parts carry the outgoing text, not the typed one.
    await type("“Hi” …");
    assert.deepEqual(await parts(), { used: ["8/160 septets"], texts: ['"Hi" ...'] });

    // Grapheme-safe splitting keeps a ZWJ family (11 units) whole in the last part.
    const family = "👩\u200d👩\u200d👧\u200d👦";
    await type("ж".repeat(60) + family);
    assert.deepEqual((await parts()).used, ["66/67 UTF-16 units", "5/67 UTF-16 units"]);
    assert.equal(await beforeFirstCut(), "ж".repeat(60) + "👩\u200d👩\u200d");
    await page.locator("#graphemes").check();
    assert.deepEqual(await parts(), { used: ["60/67 UTF-16 units", "11/67 UTF-16 units"], texts: ["ж".repeat(60), family] });
    assert.equal(await beforeFirstCut(), "ж".repeat(60));
    assert.equal(await page.locator("#highlight mark.ucs2").last().textContent(), family);
  });

  test("national language tables: the tables in force and the header each part carries", async (t) => {
    const { page, text, type, parts } = await open(t);
    /** Each part's header as shown: the octets, and each element's octets with its meaning. */
    const headers = () => page.locator("[data-testid=part-udh]").evaluateAll((boxes) => boxes.map((box) => ({
      hex: box.querySelector("[data-testid=udh-hex]").textContent,
      elements: [...box.querySelectorAll("[data-testid=udh-element]")].map((row) => [...row.cells].map((c) => c.textContent)),
    })));
    const turkish = "Merhaba dünya, Şişli'de buluşalım";

    // Off by default: Ş, ş and ı are not GSM-7, so the message is UCS-2: 33 characters, 33 UTF-16
    // units, one part of 70 without a header.
    assert.equal(await page.locator("#national").inputValue(), "none");
    await type(turkish);
    assert.equal(await text("encoding"), "UCS-2");
    assert.equal(await text("units"), "33");
    assert.deepEqual((await parts()).used, ["33/70 UTF-16 units"]);
    // No national table enabled: no line about tables (the encoding says it all).
    assert.equal(await page.locator("[data-testid=alphabet]").isVisible(), false);
    assert.deepEqual(await headers(), [{ hex: "none", elements: [] }]);

    // Turkish single shift (what Android enables in Turkey): GSM-7, the four Turkish letters
    // (Ş ş ş ı) cost 2 septets each, 29 + 8 = 37 septets; the part's header is UDHL 03 and IE
    // 24 01 01 (4 octets), so the part holds 160 - ⌈32/7⌉ = 155 septets.
    await page.locator("#national").selectOption("turkish:single");
    assert.equal(await text("encoding"), "GSM-7");
    assert.equal(await text("alphabet"), "GSM-7 with the Turkish single shift table.");
    assert.equal(await text("units"), "37");
    assert.equal(await text("remaining"), "118 of 155");
    assert.deepEqual(await parts(), { used: ["37/155 septets"], texts: [turkish] });
    assert.deepEqual(await headers(), [{
      hex: "03 24 01 01",
      elements: [["03", "UDHL: 3 octets of elements follow"], ["24 01 01", "IE 24: national single shift table, Turkish (NLI 1)"]],
    }]);
    // The shifted letters are marked as 2-septet characters, named by their table.
    assert.deepEqual(await page.locator("#highlight mark.ext").allTextContents(), ["Ş", "ş", "ş", "ı"]);
    assert.match(await page.locator("#char-list li.ext").first().textContent(), /in the Turkish single shift table: 2 septets/);

    // A long Turkish text (the spec's case from Android's tests): 160 letters ş at 2 septets,
    // parts of 160 - ⌈8·9/7⌉ = 149 septets (concatenation IE + IE 24): 74 + 74 + 12 letters.
    // Every part carries UDHL 08, IE 00 03 with reference 0, total 3, its sequence number, then
    // IE 24 01 01.
    await type("ş".repeat(160));
    assert.equal(await text("parts"), "3");
    assert.deepEqual(await parts(), {
      used: ["148/149 septets", "148/149 septets", "24/149 septets"],
      texts: ["ş".repeat(74), "ş".repeat(74), "ş".repeat(12)],
    });
    const long = await headers();
    assert.deepEqual(long.map((h) => h.hex), [1, 2, 3].map((seq) => `08 00 03 00 03 0${seq} 24 01 01`));
    long.forEach((h, i) => assert.deepEqual(h.elements, [
      ["08", "UDHL: 8 octets of elements follow"],
      [`00 03 00 03 0${i + 1}`, `IE 00: concatenation, 8-bit reference 0, part ${i + 1} of 3`],
      ["24 01 01", "IE 24: national single shift table, Turkish (NLI 1)"],
    ]));

    await page.screenshot({ path: join(out, "national.png"), fullPage: true });

    // 16-bit references: IE 08 04 (7 octets with UDHL) + IE 24 = 10 octets, 160 - ⌈80/7⌉ = 148
    // septets a part: still 74 letters each.
    await page.locator("#concat").selectOption("udh16");
    assert.deepEqual((await parts()).used, ["148/148 septets", "148/148 septets", "24/148 septets"]);
    assert.deepEqual((await headers()).map((h) => h.hex), [1, 2, 3].map((seq) => `09 08 04 00 00 03 0${seq} 24 01 01`));
    assert.equal((await headers())[1].elements[1][1], "IE 08: concatenation, 16-bit reference 0, part 2 of 3");
    await page.locator("#concat").selectOption("udh8");

    // With the national tables off again the same text is UCS-2: 160 UTF-16 units, 67 + 67 + 26,
    // and the headers hold only the concatenation IE (UDHL 05).
    await page.locator("#national").selectOption("none");
    assert.equal(await text("encoding"), "UCS-2");
    assert.deepEqual((await parts()).used, ["67/67 UTF-16 units", "67/67 UTF-16 units", "26/67 UTF-16 units"]);
    assert.deepEqual((await headers()).map((h) => h.hex), [1, 2, 3].map((seq) => `05 00 03 00 03 0${seq}`));

    // All Turkish tables: the locking table holds ş at one septet, so least cost picks it
    // (2 parts instead of 3): 160 septets do not fit the 155 of one part with IE 25, so two parts
    // of 149 (concatenation IE + IE 25): 149 + 11.
    await page.locator("#national").selectOption("turkish");
    assert.equal(await text("alphabet"), "GSM-7 with the Turkish locking shift table.");
    assert.deepEqual((await parts()).used, ["149/149 septets", "11/149 septets"]);
    assert.deepEqual((await headers())[0].elements.at(-1), ["25 01 01", "IE 25: national locking shift table, Turkish (NLI 1)"]);

    // National tables need the GSM 03.38 charset: another charset is refused beside the field,
    // and the numbers stay (UCS-2 without the tables).
    await page.locator("#charset").selectOption("ascii7");
    const error = page.locator("[data-testid=national-error]");
    assert.ok(await error.isVisible());
    assert.match(await error.textContent(), /gsm0338/);
    assert.equal(await page.locator("#national").getAttribute("aria-invalid"), "true");
    assert.equal(await text("encoding"), "UCS-2");
    await page.locator("#charset").selectOption("gsm0338");
    assert.equal(await error.isVisible(), false);
  });

  test("the characters that force UCS-2 are highlighted, listed and found in the text", async (t) => {
    const { page, text, type } = await open(t);
    await type("Party 😀 tonight");
    assert.equal(await text("encoding"), "UCS-2");
    assert.equal(await text("units"), "16");
    assert.deepEqual(await page.locator("#highlight mark.ucs2").allTextContents(), ["😀"]);
    const item = page.locator("#char-list li.ucs2");
    assert.match(await item.textContent(), /U\+1F600: forces the whole message into UCS-2, 1×/);
    await item.getByRole("button", { name: /Show in message/ }).click();
    // UTF-16 positions in the text box: the emoji is units 6 and 7.
    assert.deepEqual(await page.locator("#message").evaluate((e) => [document.activeElement === e, e.selectionStart, e.selectionEnd]), [true, 6, 8]);

    // One emoji in a long message: the page says what the message would be without it. 200
    // characters: UCS-2 is 3 parts (67 + 67 + 66); the other 199 as GSM-7, 2 parts (153 + 46).
    await type("a".repeat(100) + "😀" + "b".repeat(99));
    assert.equal(await text("parts"), "3");
    assert.equal(await page.locator("[data-testid=without]").textContent(), "Without 😀 this message would be GSM-7: 2 parts instead of 3.");
    await type("Party 😀 tonight");
    assert.equal(await page.locator("[data-testid=without]").isVisible(), false);

    // A variation selector is marked and listed with its emoji, as one grapheme.
    await type("Shop 🛍️ now, 🛍️ later");
    assert.deepEqual(await page.locator("#highlight mark.ucs2").allTextContents(), ["🛍️", "🛍️"]);
    const entries = await page.locator("#char-list li").allTextContents();
    assert.equal(entries.length, 1, entries.join("\n"));
    assert.match(entries[0], /U\+1F6CD \+ U\+FE0F: forces the whole message into UCS-2, 2×/);
    const show = page.locator("#char-list li").getByRole("button");
    assert.match(await show.textContent(), /1 of 2/);
    await show.click();
    await show.click();
    assert.deepEqual(await page.locator("#message").evaluate((e) => [e.selectionStart, e.selectionEnd]), [14, 17]);

    // Smart-encoded characters are marked with what they become (the name from the engine's table).
    await type("Don’t “wait”…");
    assert.equal(await page.locator("#highlight mark.replaced").count(), 4);
    assert.match(await page.locator("#char-list li.replaced").last().textContent(), /U\+2026 Horizontal ellipsis: smart encoding sends \.\.\., 1×/);
    // No explanation hides in a hover-only tooltip.
    assert.equal(await page.locator("[title]").count(), 0);
  });

  test("the smart-encoded text is copied with one click", async (t) => {
    const { page, text, type } = await open(t, DESKTOP, { permissions: ["clipboard-read", "clipboard-write"] });
    await type("Don’t “wait”… 😀");
    assert.equal(await text("smart-text"), "Don't \"wait\"... 😀");
    await page.locator("#copy").click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Don't \"wait\"... 😀");
    assert.equal(await page.locator("#copy-status").textContent(), "Copied 17 characters.");
  });

  test("a refused gsm7 request keeps the numbers and points at the offending characters", async (t) => {
    const { page, text, type, parts } = await open(t);
    await page.locator("#mode").selectOption("gsm7");
    await type("Hi 😀 ç");
    const error = page.locator("[data-testid=message-error]");
    assert.ok(await error.isVisible());
    assert.match(await error.textContent(), /Refused \(400\).*😀 U\+1F600, ç U\+00E7/);
    assert.equal(await page.locator("#message").getAttribute("aria-invalid"), "true");
    assert.match(await page.locator("#message").getAttribute("aria-describedby"), /message-error/);
    // The numbers of what auto encoding would send stay: UCS-2, 7 units, 1 part.
    assert.equal(await text("encoding"), "UCS-2");
    assert.equal(await text("characters"), "6");
    assert.equal(await text("units"), "7");
    assert.equal(await text("parts"), "1");
    assert.deepEqual((await parts()).used, ["7/70 UTF-16 units"]);
    assert.deepEqual(await page.locator("#highlight mark.refused").allTextContents(), ["😀", "ç"]);
    const cedilla = page.locator("#char-list li.refused", { hasText: "U+00E7" });
    assert.match(await cedilla.textContent(), /cannot be sent as GSM-7/);
    await cedilla.getByRole("button").click();
    assert.deepEqual(await page.locator("#message").evaluate((e) => [e.selectionStart, e.selectionEnd]), [6, 7]);

    // Back to auto: accepted, the refusal goes away.
    await page.locator("#mode").selectOption("auto");
    assert.equal(await error.isVisible(), false);
    assert.equal(await page.locator("#message").getAttribute("aria-invalid"), null);
    assert.equal(await page.locator("#highlight mark.refused").count(), 0);
  });

  test("an empty box, a bad rate or too many parts keep the other results on screen", async (t) => {
    const { page, text, type, parts } = await open(t);
    await type("");
    const messageError = page.locator("[data-testid=message-error]");
    assert.match(await messageError.textContent(), /Type a message: an empty message is refused \(40316\)/);
    assert.equal(await text("characters"), "0");
    assert.equal(await text("parts"), "0");
    assert.deepEqual((await parts()).used, []);
    assert.match(await page.locator("#part-list").textContent(), /No parts/);

    await type("Hello");
    assert.equal(await messageError.isVisible(), false);
    await page.locator("#rate").fill("abc");
    const rateError = page.locator("[data-testid=rate-error]");
    assert.ok(await rateError.isVisible());
    assert.match(await rateError.textContent(), /rate/);
    assert.equal(await page.locator("#rate").getAttribute("aria-invalid"), "true");
    assert.equal(await text("cost"), "–");
    assert.equal(await text("encoding"), "GSM-7");
    assert.equal(await text("parts"), "1");
    assert.deepEqual((await parts()).used, ["5/160 septets"]);
    await page.locator("#rate").fill("0.0051");
    assert.equal(await rateError.isVisible(), false);
    assert.equal(await page.locator("#rate").getAttribute("aria-invalid"), null);

    // 400 septets is 3 parts; with at most 2 the message is refused, the 3 parts stay shown.
    await type("x".repeat(400));
    assert.equal(await text("cost"), "0.0153 USD");
    await page.locator("#max-parts").fill("2");
    assert.match(await messageError.textContent(), /Refused \(40302\)/);
    assert.equal(await text("parts"), "3");
    assert.equal((await parts()).used.length, 3);
    await page.locator("#max-parts").fill("10");
    assert.equal(await messageError.isVisible(), false);
  });

  test("smart encoding off: a line says what it would save, with a button to turn it on", async (t) => {
    const { page, text, type } = await open(t);
    await page.locator("#smart").uncheck();
    // 100 characters: UCS-2 needs 2 parts (67 + 33), GSM-7 after smart encoding 1 (100 of 160).
    await type("“Hi” ".repeat(20));
    assert.equal(await text("parts"), "2");
    const savings = page.locator("[data-testid=savings]");
    assert.ok(await savings.isVisible());
    assert.match(await savings.textContent(), /Smart encoding would make this GSM-7: 1 part instead of 2\./);
    await page.getByRole("button", { name: "Turn on smart encoding" }).click();
    assert.ok(await page.locator("#smart").isChecked());
    assert.equal(await text("encoding"), "GSM-7");
    assert.equal(await text("parts"), "1");
    assert.equal(await savings.isVisible(), false);

    // Over the part limit the line still says what smart encoding saves: 700 characters are
    // 11 UCS-2 parts (refused above 10), and 5 GSM-7 parts.
    await page.locator("#smart").uncheck();
    await type("“Hi” ".repeat(140));
    assert.equal(await text("parts"), "11");
    assert.match(await savings.textContent(), /GSM-7: 5 parts instead of 11\./);
    // No line when smart encoding would not help (an emoji keeps it UCS-2).
    await type("“Hi” 😀");
    assert.equal(await savings.isVisible(), false);
  });

  test("national tables off: a line says which language's tables would save parts, with a button", async (t) => {
    const { page, text, type } = await open(t);
    const line = page.locator("[data-testid=national-savings]");
    // 173 characters, 8 Turkish letters outside the default alphabet: UCS-2, 3 parts of 67;
    // with the Turkish locking table (header 1 + 5 + 3 octets: 160 − ⌈72/7⌉ = 149 septets a
    // part) GSM-7 in 2. Smart encoding (on) cannot help: the line names the tables.
    await type("Şişli'de buluşalım, çok güzel olacak ğ ı ş " + "a".repeat(130));
    assert.equal(await text("encoding"), "UCS-2");
    assert.equal(await text("parts"), "3");
    assert.ok(await line.isVisible());
    assert.equal(await page.locator("#national-savings-text").textContent(),
      "The Turkish national language tables would make this GSM-7: 2 parts instead of 3.");
    await page.getByRole("button", { name: "Use the Turkish tables" }).click();
    assert.equal(await page.locator("#national").inputValue(), "turkish");
    assert.equal(await text("encoding"), "GSM-7");
    assert.equal(await text("parts"), "2");
    assert.equal(await line.isVisible(), false);
    // No line when no table helps (one part either way), or for an emoji.
    await page.locator("#national").selectOption("none");
    await type("Şişli'de buluşalım");
    assert.equal(await line.isVisible(), false);
    await type("😀".repeat(40));
    assert.equal(await line.isVisible(), false);
  });

  test("a currency waits for a rate: no cost and no error without one", async (t) => {
    const { page, text, type } = await open(t);
    await type("Hello");
    await page.locator("#rate").fill("");
    assert.equal(await text("cost"), "–");
    assert.equal(await text("parts"), "1");
    assert.equal(await page.locator("[data-testid=rate-error]").isVisible(), false);
    assert.equal(await page.locator("#currency").getAttribute("aria-invalid"), null);
    await page.locator("#rate").fill("abc");
    assert.ok(await page.locator("[data-testid=rate-error]").isVisible());
    assert.equal(await page.locator("#currency").getAttribute("aria-invalid"), null);
    await page.locator("#rate").fill("0.01");
    assert.equal(await text("cost"), "0.01 USD");
  });

  test("explanations are visible text that keyboard and screen-reader users reach", async (t) => {
    const { page } = await open(t);
    assert.equal(await page.locator("[title]").count(), 0);
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send("DOM.getDocument");
    for (const id of CONTROLS) {
      const control = page.locator(`#${id}`);
      assert.equal(await page.locator(`label[for=${id}]`).count(), 1, `label for ${id}`);
      const help = (await control.getAttribute("aria-describedby")).split(/\s+/)[0];
      assert.ok(await page.locator(`#${help}`).isVisible(), `help of ${id} is visible`);
      const helpText = (await page.locator(`#${help}`).textContent()).trim();
      assert.ok(helpText.length > 10, `help of ${id}`);
      // What a screen reader is given: the help text as the control's accessible description.
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: `#${id}` });
      const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
      assert.equal(nodes[0].description?.value, helpText, `accessible description of ${id}`);
    }
    // Tab from the message reaches every option.
    await page.locator("#message").focus();
    const reached = new Set();
    for (let i = 0; i < 30 && reached.size < CONTROLS.length; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => document.activeElement.id);
      if (CONTROLS.includes(id)) reached.add(id);
    }
    assert.deepEqual([...reached].sort(), [...CONTROLS].sort());
    // The glossary opens from the keyboard.
    const glossary = page.locator("#numbers-help");
    assert.equal(await glossary.locator("dd").first().isVisible(), false);
    await glossary.locator("summary").focus();
    await page.keyboard.press("Enter");
    assert.ok(await glossary.locator("dd").first().isVisible());
    assert.match(await glossary.textContent(), /153\s+septets or 67 UTF-16 units/);
  });

  test("a polite live region announces the results once typing pauses, not every keystroke", async (t) => {
    const { page } = await open(t);
    // The one region for results (the numbers themselves are not live: they change every keystroke);
    // the copy button's status is the only other one.
    const regions = await page.locator("[aria-live], [role=status], [role=alert], [role=log], output")
      .evaluateAll((nodes) => nodes.map((n) => [n.id, n.getAttribute("aria-live") || n.getAttribute("role")]));
    assert.deepEqual(regions, [["copy-status", "status"], ["announcer", "polite"]]);
    await page.waitForFunction(() => document.getElementById("announcer").textContent !== "");
    await page.evaluate(() => {
      window.announcements = [];
      window.inputs = [];
      document.getElementById("message").addEventListener("input", () => window.inputs.push(performance.now()));
      new MutationObserver(() => window.announcements.push([performance.now(), document.getElementById("announcer").textContent]))
        .observe(document.getElementById("announcer"), { childList: true, characterData: true, subtree: true });
    });
    await page.locator("#message").fill("");
    await page.locator("#message").pressSequentially("Hello there, world", { delay: 60 });
    await page.waitForFunction(() => window.announcements.length > 0 && performance.now() - window.inputs.at(-1) > 1500);
    const { announcements, inputs } = await page.evaluate(() => ({ announcements: window.announcements, inputs: window.inputs }));
    assert.equal(inputs.length, 19);
    // Each announcement comes after a pause in typing; a busy machine may pause between two
    // keystrokes, so the bound is the number of pauses, not a fixed count.
    const pauses = inputs.filter((at, i) => (inputs[i + 1] ?? Infinity) - at > 700).length;
    assert.ok(announcements.length >= 1 && announcements.length <= pauses, JSON.stringify({ announcements, inputs }));
    for (const [at] of announcements) {
      const lastInput = inputs.filter((i) => i < at).at(-1);
      assert.ok(at - lastInput > 700, `announced ${at - lastInput} ms after a keystroke`);
    }
    assert.equal(announcements.at(-1)[1], "GSM-7, 18 characters, 18 septets, 1 part, 142 left in the last part, cost 0.0079 USD.");
  });

  test("on a 390 px phone every option is above the fold; screenshots", async (t) => {
    const phone = await open(t, PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.page.screenshot({ path: join(out, "phone.png") });
    for (const id of CONTROLS) {
      const box = await phone.page.locator(`#${id}`).boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height, `#${id} at ${JSON.stringify(box)}`);
      assert.ok(box.x + box.width <= PHONE.width, `#${id} fits the width`);
    }
    assert.ok(await phone.page.evaluate(() => document.documentElement.scrollWidth) <= PHONE.width, "no sideways scrolling");
    await phone.type("Don’t miss our “flash sale” — 50% off! 🎉 " + "Terms apply. ".repeat(10));
    await phone.page.screenshot({ path: join(out, "phone-full.png"), fullPage: true });

    const desktop = await open(t);
    await desktop.type("Don’t miss our “flash sale” — 50% off! 🎉 Use code SAVE€5 at the till. " + "Terms apply. ".repeat(24));
    assert.match(await desktop.text("notice"), /Warning 40328/);
    await desktop.page.screenshot({ path: join(out, "desktop.png"), fullPage: true });
    await desktop.page.locator("#mode").selectOption("gsm7");
    await desktop.type("Hi 😀, see you at the café ç");
    await desktop.page.screenshot({ path: join(out, "desktop-refused.png"), fullPage: true });
  });
});
