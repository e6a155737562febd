// septet-wasm for Node (the `node` export condition, `import`): the CommonJS entry loads the
// .wasm itself; this re-exports it, so `import { analyze } from "septet-wasm"` needs no init call
// and ES-module and CommonJS users in one process share one instance.
import septet from "./septet.node.cjs";

export default septet.init;
export const {
  init,
  initSync,
  analyze,
  segmentsCount,
  countMany,
  Counter,
  split,
  smartEncode,
  substitution,
  substitutionName,
  septets,
  partUnits,
  udhElements,
  encode,
  decode,
} = septet;
