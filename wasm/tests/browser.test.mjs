// The calculator page in headless Chromium (Debian's, driven by playwright-core, which gives it a
// fresh temporary profile): served on 127.0.0.1, typed into and toggled as a user would, with a screenshot in wasm/test-output/.
import test from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const www = fileURLToPath(new URL("../www/", import.meta.url));
const out = fileURLToPath(new URL("../test-output/", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** The highlighted text up to the first part end. */
function textBeforeFirstCut(page) {
  return page.evaluate(() => {
    let s = "";
    for (const node of document.getElementById("highlight").children) {
      if (node.classList.contains("cut")) break;
      s += node.textContent;
    }
    return s;
  });
}

function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(www, path.endsWith("/") ? path + "index.html" : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("the calculator page works as a user uses it", { skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, async () => {
  assert.ok(existsSync(join(www, "pkg/septet_wasm_bg.wasm")), "run wasm/build.sh first");
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const failures = [];
    page.on("pageerror", (e) => failures.push(e.message));
    page.on("requestfailed", (r) => failures.push(r.url()));
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    const text = (id) => page.locator(`[data-testid=${id}]`).textContent();
    const type = async (message) => {
      await page.locator("#message").fill("");
      await page.locator("#message").pressSequentially(message.length > 40 ? "" : message);
      if (message.length > 40) await page.locator("#message").fill(message);
    };

    // The sample message: curly quotes, a dash and an emoji force UCS-2.
    assert.equal(await text("encoding"), "UCS-2");
    assert.ok((await page.locator("#highlight .ucs2").count()) >= 4);

    // Plain text, typed key by key.
    await type("Hello there");
    assert.equal(await text("encoding"), "GSM-7");
    assert.equal(await text("characters"), "11");
    assert.equal(await text("units"), "11");
    assert.equal(await text("parts"), "1");
    assert.equal(await text("remaining"), "149 of 160");

    // Smart quotes: UCS-2, then GSM-7 once smart encoding is ticked.
    await type("Don’t “wait”…");
    assert.equal(await text("encoding"), "UCS-2");
    await page.locator("#smart").check();
    assert.equal(await text("encoding"), "GSM-7");
    assert.equal(await text("smart-text"), "Don't \"wait\"...");
    assert.equal(await page.locator("#highlight .replaced").count(), 4);
    const title = await page.locator("#highlight .replaced").last().getAttribute("title");
    assert.match(title, /U\+2026 Horizontal ellipsis → "..."/);

    // An emoji: UCS-2, hover names the code point.
    await type("Party 😀 tonight");
    assert.equal(await text("encoding"), "UCS-2");
    assert.equal(await text("units"), "16");
    assert.match(await page.locator("#highlight .ucs2").first().getAttribute("title"), /U\+1F600/);

    // An extension character on a part boundary moves to the next part.
    await type("a".repeat(152) + "€" + "b".repeat(10));
    assert.equal(await text("encoding"), "GSM-7");
    assert.equal(await text("units"), "164");
    assert.equal(await text("parts"), "2");
    assert.equal(await page.locator("#highlight .cut").count(), 1);
    const beforeCut = await textBeforeFirstCut(page);
    assert.equal(beforeCut, "a".repeat(152));
    assert.equal(await page.locator("#highlight .ext").count(), 1);

    // Cost with a rate, three parts.
    await page.locator("#rate").fill("0.0051");
    await type("x".repeat(400));
    assert.equal(await text("parts"), "3");
    assert.equal(await text("cost"), "0.0153 USD");

    // gsm7 with an emoji is refused, naming the character.
    await page.locator("#mode").selectOption("gsm7");
    await type("Hi 😀");
    assert.match(await text("notice"), /Rejected \(400\).*U\+1F600 at 3/);
    await page.locator("#mode").selectOption("auto");

    // Grapheme-safe splitting keeps a ZWJ family in one part.
    const family = "👩\u200d👩\u200d👧\u200d👦";
    await type("ж".repeat(60) + family);
    assert.equal(await text("parts"), "2");
    await page.locator("#graphemes").check();
    const cutAt = await textBeforeFirstCut(page);
    assert.equal(cutAt, "ж".repeat(60));

    // Keyboard: the controls are reachable with Tab and labelled.
    for (const id of ["message", "smart", "mode", "sender", "charset", "graphemes", "rate", "currency", "max-parts"]) {
      assert.equal(await page.locator(`label[for=${id}]`).count(), 1, `label for ${id}`);
    }

    // A warning above 4 parts, with the page as a user sees it.
    await page.locator("#graphemes").uncheck();
    await type("Don’t miss our “flash sale” — 50% off! 🎉 " + "Terms apply. ".repeat(24));
    assert.match(await text("notice"), /Warning 40328/);
    await mkdir(out, { recursive: true });
    await page.screenshot({ path: join(out, "calculator.png"), fullPage: true });
    assert.deepEqual(failures, []);
  } finally {
    await browser.close();
    server.close();
  }
});
