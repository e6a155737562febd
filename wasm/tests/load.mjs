// Loads the built package (wasm/pkg) in Node with initSync, as the package README shows.
import { readFileSync } from "node:fs";
import * as septet from "../pkg/septet.js";

septet.initSync({ module: readFileSync(new URL("../pkg/septet_wasm_bg.wasm", import.meta.url)) });

export default septet;
