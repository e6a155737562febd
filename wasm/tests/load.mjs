// The built package (wasm/pkg) through its Node entry, as `import ... from "septet-wasm"` gets it:
// the module loads its .wasm itself.
import * as septet from "../pkg/septet.node.mjs";

export default septet;
