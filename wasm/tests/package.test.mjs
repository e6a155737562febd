// The npm package as a user gets it: `npm pack` wasm/pkg, install the tarball into an empty
// temporary folder, and use it from plain Node as an ES module and through `require`, with no
// init call and from a working directory elsewhere; the browser entry's error before `init()`;
// and the type declarations under `tsc` with only the ES2020 library (no DOM, no @types/node).
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, posix } from "node:path";
import { installPacked, pkgDir, run, wasmDir } from "./packed.mjs";

const tsc = join(wasmDir, "node_modules", ".bin", "tsc");

let installed; // installPacked's answer
let work; // the temporary folder: tarball, app/ (the install), elsewhere/ (a foreign cwd)
let app;
let packed; // npm pack --json's description of the tarball

/** Runs a script file written into app/ with plain `node`, from a working directory elsewhere. */
function node(name, source) {
  const file = join(app, name);
  writeFileSync(file, source);
  return JSON.parse(run(process.execPath, [file], { cwd: join(work, "elsewhere") }));
}

before(() => {
  installed = installPacked("septet-npm-");
  ({ work, app, packed } = installed);
  mkdirSync(join(work, "elsewhere"));
});

after(() => installed?.remove());

/** Every value in an `exports` map. */
function exportTargets(node) {
  if (typeof node === "string") return [node];
  return Object.values(node).flatMap(exportTargets);
}

test("the tarball holds every file the package names or loads", () => {
  const files = new Set(packed.files.map((f) => f.path));
  const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const named = [manifest.main, manifest.module, manifest.types, ...exportTargets(manifest.exports)];
  for (const target of named) {
    assert.ok(files.has(posix.normalize(target)), `${target} is named in package.json but not packed`);
  }
  assert.ok(files.has("septet_wasm_bg.wasm"));
  assert.equal(manifest.exports["./septet_wasm_bg.wasm"], "./septet_wasm_bg.wasm");
  // Relative module specifiers and file references in every packed JS and declaration file.
  const reference = [
    /(?:import|export)\s[^;]*?\sfrom\s*["'](\.{1,2}\/[^"']+)["']/g,
    /import\s*\(\s*["'](\.{1,2}\/[^"']+)["']/g,
    /require\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
    /new URL\(\s*["']([^"':]+)["']\s*,\s*import\.meta\.url/g,
    /\$\{__dirname\}\/([^`]+)`/g,
  ];
  let checked = 0;
  for (const file of files) {
    if (!/\.(c|m)?js$|\.d\.(c|m)?ts$/.test(file)) continue;
    const source = readFileSync(join(pkgDir, file), "utf8");
    for (const pattern of reference) {
      for (const [, spec] of source.matchAll(pattern)) {
        let target = posix.normalize(posix.join(posix.dirname(file), spec));
        if (/\.d\.(c|m)?ts$/.test(file)) target = target.replace(/\.(c|m)?js$/, ".d.$1ts");
        assert.ok(files.has(target), `${file} refers to ${spec}, which is not packed`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 8, `only ${checked} references found: the scan is broken`);
});

test("ES module: import { segmentsCount, analyze } from \"septet-wasm\" works with no init call", () => {
  const r = node("esm.mjs", `
    import { segmentsCount, analyze, split, smartEncode, Counter, countMany } from "septet-wasm";
    import init from "septet-wasm";
    const counter = new Counter({ smartEncoding: true });
    const out = {
      counter: [counter.segmentsCount("Don’t"), counter.analyze("Don’t").encoding],
      many: Array.from(countMany(["hi", "a".repeat(161), ""]).errors),
      hi: segmentsCount("hi"),
      long: segmentsCount("a".repeat(161)),
      ucs2: analyze("ça").encoding,
      smart: analyze("Don’t", { smartEncoding: true }).encoding,
      parts: split("a".repeat(200)).map((p) => p.length),
      smartText: smartEncode("“hi”"),
    };
    try { analyze(""); } catch (e) { out.error = [e instanceof Error, e.code, e.kind]; }
    await init(); // shared browser/Node code may still call it: resolves at once
    out.afterInit = segmentsCount("a".repeat(307));
    out.wasm = (await import("node:fs")).readFileSync(new URL(import.meta.resolve("septet-wasm/septet_wasm_bg.wasm"))).subarray(0, 4).toString("hex");
    console.log(JSON.stringify(out));
  `);
  assert.deepEqual(r, {
    counter: [1, "GSM-7"], many: [2],
    hi: 1, long: 2, ucs2: "UCS-2", smart: "GSM-7", parts: [153, 47], smartText: "\"hi\"",
    error: [true, 40316, "no_content"], afterInit: 3, wasm: "0061736d",
  });
});

test("CommonJS: require(\"septet-wasm\") works with no init call", () => {
  const r = node("cjs.cjs", `
    const septet = require("septet-wasm");
    const out = {
      hi: septet.segmentsCount("hi"),
      long: septet.segmentsCount("a".repeat(161)),
      ucs2: septet.analyze("ça").encoding,
      parts: septet.split("a".repeat(200)).map((p) => p.length),
      counter: new septet.Counter({ charset: "ascii7" }).segmentsCount("a".repeat(161)),
      many: Array.from(septet.countMany(["ça"]).ucs2),
      wasm: require("node:fs").readFileSync(require.resolve("septet-wasm/septet_wasm_bg.wasm")).subarray(0, 4).toString("hex"),
    };
    try { septet.analyze("a".repeat(1531)); } catch (e) { out.error = [e instanceof Error, e.code, e.kind]; }
    console.log(JSON.stringify(out));
  `);
  assert.deepEqual(r, {
    hi: 1, long: 2, ucs2: "UCS-2", parts: [153, 47], counter: 2, many: [1], wasm: "0061736d",
    error: [true, 40302, "too_many_parts"],
  });
});

test("ES module and CommonJS users in one process share one instance", () => {
  const r = node("both.mjs", `
    import { createRequire } from "node:module";
    import * as esm from "septet-wasm";
    const cjs = createRequire(import.meta.url)("septet-wasm");
    console.log(JSON.stringify({ same: esm.analyze === cjs.analyze && esm.split === cjs.split }));
  `);
  assert.deepEqual(r, { same: true });
});

test("browser entry: a clear Error (not a TypeError) before init(), then init() works", () => {
  const entry = join(app, "node_modules", "septet-wasm", "septet.js");
  const r = node("browser.mjs", `
    import { readFileSync } from "node:fs";
    const septet = await import(${JSON.stringify(entry)});
    const out = { before: [] };
    for (const call of [() => septet.analyze("hi"), () => septet.segmentsCount("hi"), () => septet.split("hi"),
                        () => septet.smartEncode("hi"), () => septet.substitution("’"), () => septet.septets("a"),
                        () => new septet.Counter(), () => septet.countMany(["hi"])]) {
      try { call(); out.before.push("no error"); }
      catch (e) { out.before.push(e.constructor.name + ": " + /await init\\(\\)/.test(e.message)); }
    }
    const bytes = readFileSync(new URL("septet_wasm_bg.wasm", "file://" + ${JSON.stringify(entry)}));
    await septet.default({ module_or_path: bytes });
    out.after = [septet.segmentsCount("hi"), septet.analyze("ça").encoding,
                 new septet.Counter({ smartEncoding: true }).segmentsCount("“hi”"),
                 Array.from(septet.countMany(["hi", "a".repeat(161)]).segments)];
    console.log(JSON.stringify(out));
  `);
  assert.deepEqual(r.before, Array(8).fill("Error: true"));
  assert.deepEqual(r.after, [1, "UCS-2", 1, [1, 2]]);
});

/** Type-checks `files` in app/ with `compilerOptions` on top of strict, ES2020-only settings. */
function typecheck(name, compilerOptions, files) {
  for (const [file, source] of Object.entries(files)) writeFileSync(join(app, file), source);
  const config = {
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: false, lib: ["es2020"], types: [], target: "es2020",
      ...compilerOptions,
    },
    files: Object.keys(files),
  };
  writeFileSync(join(app, name), JSON.stringify(config));
  try {
    run(tsc, ["-p", join(app, name)], { cwd: app });
  } catch (e) {
    assert.fail(`tsc -p ${name} failed:\n${e.stdout}${e.stderr}`);
  }
}

// Uses of the API that must compile, plus misuses that must not (`@ts-expect-error` fails the
// build when the line compiles, so the types cannot have decayed to `any`).
const USES = `
  const text: string = "Don’t";
  const parts: string[] = split(text);
  const count: number = segmentsCount(text);
  const r = analyze(text);
  const encoding: "GSM-7" | "UCS-2" = r.encoding;
  const n: number = r.parts + analyze(text, { smartEncoding: true, maxParts: 3 }).units;
  // @ts-expect-error: parts is a number
  const wrong: string = r.parts;
  // @ts-expect-error: not an option
  analyze(text, { smartEncodng: true });
  const counter = new Counter({ smartEncoding: true, charset: "carrier-safe" });
  const counted: number = counter.segmentsCount(text) + counter.analyze(text).units;
  const counts: Counts = countMany([text, "hi"], { encoding: "gsm7" });
  const segments: Uint32Array = counter.countMany([text]).segments;
  const flags: Uint8Array = counts.ucs2;
  const rejected: number = counts.errors[0];
  // @ts-expect-error: a Counter's segmentsCount takes no options
  counter.segmentsCount(text, {});
  // @ts-expect-error: not an option
  new Counter({ charst: "ascii7" });
  counter.free();
  export const used = [parts, count, encoding, n, wrong, counted, segments, flags, rejected];
`;

test("types: ES module under module nodenext, ES2020 library only (no DOM)", () => {
  typecheck("tsconfig.esm.json", { module: "nodenext", moduleResolution: "nodenext" }, {
    "uses.mts": `import init, { analyze, segmentsCount, split, Counter, countMany, type Counts } from "septet-wasm";\nawait init();\n${USES}`,
  });
});

test("types: CommonJS under module nodenext, ES2020 library only (no DOM)", () => {
  typecheck("tsconfig.cjs.json", { module: "nodenext", moduleResolution: "nodenext" }, {
    "uses.cts": `import septet = require("septet-wasm");\nconst { analyze, segmentsCount, split, Counter, countMany } = septet;\ntype Counts = septet.Counts;\nvoid septet.init();\n${USES}`,
  });
});

test("types: bundler resolution (browser code), ES2020 library only (no DOM)", () => {
  typecheck("tsconfig.bundler.json", { module: "esnext", moduleResolution: "bundler" }, {
    "uses.ts": `import init, { analyze, segmentsCount, split, Counter, countMany, type Counts } from "septet-wasm";\nawait init();\n${USES}`,
  });
});

/**
 * The ```js blocks of a README as ES modules for app/: a line `expression; // value`, where
 * the value is a JSON literal, becomes an assertion that the expression equals it. Returns the
 * modules and how many assertions they make.
 */
function readmeBlocks(markdown) {
  const blocks = [];
  let assertions = 0;
  for (const [, block] of markdown.matchAll(/```js\n([\s\S]*?)```/g)) {
    const lines = block.split("\n").map((line) => {
      const m = /^(\S.*?);\s*\/\/\s*(.+?)\s*$/.exec(line);
      if (!m || /^(import|const|let|await)\b/.test(m[1])) return line;
      let expected;
      try { expected = JSON.parse(m[2]); } catch { return line; }
      assertions++;
      return `assert.deepStrictEqual(${m[1]}, ${JSON.stringify(expected)}, ${JSON.stringify(line)});`;
    });
    blocks.push(`import assert from "node:assert/strict";\n${lines.join("\n")}\nconsole.log("[]");\n`);
  }
  return { blocks, assertions };
}

test("the README's Node examples run as written against the installed tarball", () => {
  const readmes = {
    repository: readFileSync(join(wasmDir, "..", "README.md"), "utf8"),
    package: readFileSync(join(app, "node_modules", "septet-wasm", "README.md"), "utf8"),
  };
  let total = 0;
  for (const [which, markdown] of Object.entries(readmes)) {
    const { blocks, assertions } = readmeBlocks(markdown);
    assert.ok(blocks.length >= 2, `${which} README: ${blocks.length} js blocks`);
    total += assertions;
    blocks.forEach((source, i) => {
      assert.deepEqual(node(`readme-${which}-${i}.mjs`, source), [], `${which} README, js block ${i + 1}`);
      // A block that names the CommonJS form in a comment runs that way too.
      const required = /\/\/ or: (const \{[^}]*\} = require\("septet-wasm"\));/.exec(source);
      if (required) {
        const cjs = source
          .replace(/^import assert from "node:assert\/strict";/m, 'const assert = require("node:assert/strict");')
          .replace(/^import \{[^}]*\} from "septet-wasm";.*$/m, `${required[1]};`)
          .replace(/^\/\/ or: .*$/m, "");
        assert.deepEqual(node(`readme-${which}-${i}.cjs`, cjs), [], `${which} README, js block ${i + 1} through require`);
      }
    });
  }
  assert.ok(total >= 8, `only ${total} checked results in the READMEs' js blocks`);
  // The Install section's one-line first use, run in the project that installed the tarball.
  const oneLine = /^node -e '([^']+)'\s+#\s*(.+)$/m.exec(readmes.repository);
  assert.ok(oneLine, "the README's install section has a `node -e` first use");
  assert.equal(run(process.execPath, ["-e", oneLine[1]], { cwd: app }).trim(), oneLine[2].trim());
});
