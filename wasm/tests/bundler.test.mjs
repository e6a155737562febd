// septet-wasm through a real bundler, as a web app uses it: the packed tarball and esbuild (an
// exact version) installed from npm into an empty folder, a tiny app bundled exactly as the
// README's recipe says, and the bundle run with only its output folder left (no node_modules):
// for the browser in headless Chromium over HTTP, and for Node with plain `node`.
//
// esbuild does not follow `new URL("septet_wasm_bg.wasm", import.meta.url)` (the browser
// entry's default), so the recipe imports the .wasm's URL with the `file` loader and passes it
// to `init`; for Node (CommonJS output) the .wasm is copied beside the bundle, where the Node
// entry reads it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installPacked, run, wasmDir } from "./packed.mjs";
import { CHROMIUM, launchChromium, serveDirectory } from "./serve.mjs";

const ESBUILD = "esbuild@0.28.2";
/** The README's recipe: the flags and the app's lines that the tests below use, word for word. */
const WEB_FLAGS = ["--bundle", "--format=esm", "--loader:.wasm=file"];
const WASM_URL_IMPORT = 'import wasmUrl from "septet-wasm/septet_wasm_bg.wasm";';
const INIT_WITH_URL = "await init({ module_or_path: wasmUrl });";
const NODE_FLAGS = ["--bundle", "--platform=node"];
const COPY_WASM = "septet_wasm_bg.wasm";

// The app's code, the same in both bundles; what it computes is worked out by hand from the
// rules (160 septets in one part, 153 a part after; € is 2 septets and never cut from its
// escape; an emoji is 2 UTF-16 units and makes the message UCS-2).
const RESULTS_JS = `
import { analyze, segmentsCount, split } from "septet-wasm";
export function results() {
  const out = {
    hi: segmentsCount("hi"),
    long: segmentsCount("a".repeat(161)),
    emoji: [analyze("Party 😀 tonight").encoding, analyze("Party 😀 tonight").units],
    euro: split("a".repeat(152) + "€" + "b".repeat(10)).map((part) => part.length),
    smart: analyze("Don’t", { smartEncoding: true }).encoding,
  };
  try { segmentsCount(""); } catch (e) { out.error = [e instanceof Error, e.code, e.kind]; }
  return out;
}
`;
const EXPECTED = {
  hi: 1, long: 2, emoji: ["UCS-2", 16], euro: [152, 11], smart: "GSM-7", error: [true, 40316, "no_content"],
};

let installed;
let work;
let app;

function esbuild(args) {
  return run(join(app, "node_modules", ".bin", "esbuild"), [...args, "--log-level=warning"], { cwd: app });
}

/** Moves app/<dir> to a folder of its own outside app/, so the bundle cannot reach node_modules. */
function detach(dir) {
  const to = join(work, `${dir}-alone`);
  renameSync(join(app, dir), to);
  return to;
}

before(() => {
  installed = installPacked("septet-bundle-", [ESBUILD]);
  ({ work, app } = installed);
  writeFileSync(join(app, "results.js"), RESULTS_JS);
});

after(() => installed?.remove());

test("the README gives the esbuild recipe these tests use", () => {
  for (const readme of [join(wasmDir, "..", "README.md"), join(app, "node_modules", "septet-wasm", "README.md")]) {
    const text = readFileSync(readme, "utf8");
    for (const part of [WEB_FLAGS.join(" "), WASM_URL_IMPORT, INIT_WITH_URL, NODE_FLAGS.join(" "), COPY_WASM]) {
      assert.ok(text.includes(part), `${readme} does not say \`${part}\``);
    }
  }
});

describe("esbuild for the browser, in Chromium", { skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let server;
  let browser;

  before(async () => {
    writeFileSync(join(app, "web.js"), [
      'import init from "septet-wasm";',
      WASM_URL_IMPORT,
      'import { results } from "./results.js";',
      INIT_WITH_URL,
      "window.septetResults = results();",
      "",
    ].join("\n"));
    // The same app with the plain browser use (`await init()`), which esbuild leaves without its .wasm.
    writeFileSync(join(app, "plain.js"), [
      'import init, { segmentsCount } from "septet-wasm";',
      "try { await init(); window.septetResults = segmentsCount(\"hi\"); } catch (e) { window.septetResults = String(e); }",
      "",
    ].join("\n"));
    esbuild(["web.js", "plain.js", ...WEB_FLAGS, "--platform=browser", "--outdir=dist-web"]);
    for (const page of ["web", "plain"]) {
      writeFileSync(join(app, "dist-web", `${page}.html`),
        `<!doctype html><meta charset="utf-8"><title>app</title><link rel="icon" href="data:,"><script type="module" src="${page}.js"></script>\n`);
    }
    server = await serveDirectory(detach("dist-web"));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test("the bundle and the .wasm it names are all the page needs", () => {
    const files = readdirSync(join(work, "dist-web-alone")).sort();
    assert.equal(files.length, 5, files.join(", "));
    assert.deepEqual(files.filter((f) => !/^septet_wasm_bg-[A-Z0-9]+\.wasm$/.test(f)), ["plain.html", "plain.js", "web.html", "web.js"]);
    const bundle = readFileSync(join(work, "dist-web-alone", "web.js"), "utf8");
    assert.ok(!bundle.includes("septet.node"), "the browser bundle holds the Node entry");
  });

  /** Opens `page`.html; resolves to what its script left in `window.septetResults`, the page's
   *  errors and failed requests, and the status and type of each .wasm response. */
  async function load(t, page) {
    const context = await browser.newContext();
    t.after(() => context.close());
    const tab = await context.newPage();
    const failures = [];
    tab.on("pageerror", (e) => failures.push(e.message));
    tab.on("requestfailed", (r) => failures.push(`request failed: ${r.url()}`));
    tab.on("console", (m) => m.type() === "error" && failures.push(m.text()));
    const wasm = [];
    tab.on("response", (r) => r.url().endsWith(".wasm") && wasm.push([r.status(), r.headers()["content-type"]]));
    await tab.goto(`http://127.0.0.1:${server.address().port}/${page}.html`);
    await tab.waitForFunction(() => window.septetResults !== undefined, null, { timeout: 10000 }).catch((e) => {
      throw new Error(`the bundle did not run: ${failures.join("; ") || e.message}`);
    });
    return { results: await tab.evaluate(() => window.septetResults), failures, wasm };
  }

  test("import init, { segmentsCount, analyze } from \"septet-wasm\" gives real results in the page", async (t) => {
    const { results, failures, wasm } = await load(t, "web");
    assert.deepEqual(results, EXPECTED);
    assert.deepEqual(wasm, [[200, "application/wasm"]]);
    assert.deepEqual(failures, []);
  });

  test("without the recipe, init() fails saying which .wasm it could not fetch (why the README's step is needed)", async (t) => {
    const { results, wasm } = await load(t, "plain");
    assert.match(results, /^Error: failed to fetch Wasm: 404 .*\/septet_wasm_bg\.wasm'$/);
    assert.deepEqual(wasm.map(([status]) => status), [404]);
  });
});

test("esbuild for Node: the bundle runs with plain node beside its .wasm", () => {
  writeFileSync(join(app, "server.js"), 'import { results } from "./results.js";\nconsole.log(JSON.stringify(results()));\n');
  esbuild(["server.js", ...NODE_FLAGS, "--outfile=dist-node/server.js"]);
  copyFileSync(join(app, "node_modules", "septet-wasm", COPY_WASM), join(app, "dist-node", COPY_WASM));
  const alone = detach("dist-node");
  const elsewhere = join(work, "elsewhere");
  mkdirSync(elsewhere);
  assert.deepEqual(JSON.parse(run(process.execPath, [join(alone, "server.js")], { cwd: elsewhere })), EXPECTED);
});
