// Types of septet-wasm's ES-module entries (browsers, bundlers, Node `import`): the functions
// declared in septet.d.cts, plus `init` as the default export.
export * from "./septet.cjs";
export { init as default } from "./septet.cjs";
