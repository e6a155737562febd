// Types of septet-wasm's entry point (septet.js); the option, result and error types are
// generated from the Rust crate into septet_wasm.d.ts.
import type { AnalysisResult, Options } from "./septet_wasm.js";
export type { AnalysisResult, Options, SeptetError, SmartEncoding, Replacement, LocatedChar, InitInput, InitOutput, SyncInitInput } from "./septet_wasm.js";
export { default, initSync, septets, smartEncode, split, substitution, substitutionName } from "./septet_wasm.js";

/** Analyses a message: encoding, units, parts, smart-encoding metadata, replacements, the
 * characters that force UCS-2, warnings, cost. Throws a `SeptetError` when the provider would
 * reject the message (or the text holds a lone surrogate). */
export function analyze(text: string, options?: Options): AnalysisResult;

/** The number of parts (billed segments) only: the fast path for counting many messages.
 * Throws a `SeptetError` when the provider would reject the message. */
export function segmentsCount(text: string, options?: Options): number;
