// Types of septet-wasm's functions (CommonJS: `require("septet-wasm")` in Node). septet.d.ts
// re-exports them for every ES-module entry. They need only the ES2020 library: no DOM, no
// @types/node.
import type { AnalysisResult, DecodeInput, DecodeResult, EncodeResult, Options, UdhElement } from "./septet-types.cjs";
export type { AnalysisResult, Options, SeptetError, SmartEncoding, Replacement, LocatedChar, EncodedPart, EncodeResult, DecodeInput, DecodeResult, UdhElement } from "./septet-types.cjs";

/**
 * Where `init` loads the WebAssembly module from: a URL (a string or a `URL`), a fetch
 * `Response` (or a promise of one), the bytes, or a compiled `WebAssembly.Module`. Typed without
 * the DOM library, so objects are accepted as they are.
 */
export type InitInput = string | ArrayBuffer | ArrayBufferView | object;

/**
 * Loads the WebAssembly module; resolves once the functions can be used. Browsers and bundlers
 * must await it once first (with no argument it fetches `septet_wasm_bg.wasm` beside the
 * module); in Node the package has loaded itself and this resolves at once.
 */
export function init(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;

/**
 * Instantiates the module synchronously from its bytes or a compiled `WebAssembly.Module`
 * (browsers and bundlers; does nothing in Node).
 */
export function initSync(input?: { module: ArrayBuffer | ArrayBufferView | object }): void;

/**
 * Analyses a message: encoding, units, parts, smart-encoding metadata, replacements, the
 * characters that force UCS-2, warnings, cost. Throws a `SeptetError` when the provider would
 * reject the message (or the text holds a lone surrogate).
 *
 * @example analyze("Don’t miss it…", { smartEncoding: true }).parts  // 1
 */
export function analyze(text: string, options?: Options): AnalysisResult;

/**
 * The number of parts (billed segments) only: the fast path for counting many messages, under
 * the name Twilio's calculator uses. Throws a `SeptetError` when the provider would reject the
 * message.
 *
 * @example segmentsCount("a".repeat(161))  // 2
 */
export function segmentsCount(text: string, options?: Options): number;

/**
 * What `countMany` returns: one entry per message, in the order given. A message the provider
 * would reject (or an entry that is not a string, or holds a lone surrogate) has 0 segments and
 * 0 units and its index in `errors`; `segmentsCount` on it throws the `SeptetError` saying why.
 */
export interface Counts {
  /** Parts (billed segments) of each message. */
  segments: Uint32Array;
  /** Units of each message: septets in GSM-7 (an extension character counts 2), UTF-16 code
   * units in UCS-2. */
  units: Uint32Array;
  /** 1 where the message goes out in UCS-2, 0 where in GSM-7 (or rejected). */
  ucs2: Uint8Array;
  /** Indices of the rejected messages, in increasing order. */
  errors: Uint32Array;
}

/**
 * Counts many messages with one reading of the options, crossing into the module once per few
 * thousand messages: the fastest way to count a list. Throws a `SeptetError` for bad options
 * and a `TypeError` when `texts` is not an array; a rejected message does not throw (see
 * `Counts.errors`).
 *
 * @example countMany(["Hi", "a".repeat(161), ""]).segments  // Uint32Array [1, 2, 0], errors [2]
 */
export function countMany(texts: ArrayLike<unknown>, options?: Options): Counts;

/**
 * Options read once, for counting or analysing many messages with them: reading an options
 * object costs more than analysing a short message. The constructor throws the `SeptetError`
 * (`invalid_option`) that `segmentsCount(text, options)` would; the methods take only the text
 * and behave as the functions of the same name with these options.
 *
 * @example
 * const counter = new Counter({ smartEncoding: true, charset: "carrier-safe" });
 * counter.segmentsCount("Don’t miss it…");  // 1
 */
export class Counter {
  constructor(options?: Options);
  /** `segmentsCount(text, options)`. */
  segmentsCount(text: string): number;
  /** `analyze(text, options)`. */
  analyze(text: string): AnalysisResult;
  /** `countMany(texts, options)`. */
  countMany(texts: ArrayLike<unknown>): Counts;
  /** Frees the module memory the counter holds now rather than when it is garbage-collected;
   * the counter cannot be used after. */
  free(): void;
}

/**
 * The texts of the parts the message is sent as (after smart encoding when the options apply
 * it). Throws a `SeptetError` when the provider would reject the message.
 */
export function split(text: string, options?: Options): string[];

/** The text after smart encoding (the provider's substitution table). */
export function smartEncode(text: string): string;

/** The smart-encoding substitution for one character, or `undefined` when it is kept. */
export function substitution(character: string): string | undefined;

/** The name the substitution table gives a character, or `undefined` when it has none. */
export function substitutionName(character: string): string | undefined;

/**
 * The septets a character costs in a charset (`"gsm0338"` when absent) and, when given, under a
 * pair of national tables (an analysis result's `national_language`; `gsm0338` only): 1, 2 for
 * an extension or single shift character, or `undefined` when it is not in the charset (or pair).
 * @example septets("ş", "gsm0338", { locking: null, single: "turkish" })  // 2
 */
export function septets(
  character: string,
  charset?: "gsm0338" | "carrier-safe" | "ascii7",
  nationalLanguage?: { locking: string | null; single: string | null } | null,
): number | undefined;

/**
 * The units each part's text takes, in order (septets for GSM-7, an extension or single shift
 * character counting 2; UTF-16 code units for UCS-2; the header not counted): the split's own
 * counts, for the parts `split` returns. Throws a `SeptetError` when the provider would reject
 * the message.
 * @example partUnits("a".repeat(200))  // [153, 47]
 */
export function partUnits(text: string, options?: Options): number[];

/**
 * A user data header in hex (`encode`'s `udh`) as its UDHL and information elements, each with
 * its octets and what a receiver reads in it. `""` gives `[]`.
 * @example udhElements("03240101")[1]  // { kind: "single_shift", offset: 1, octets: "240101", iei: 36, nli: 1, language: "turkish" }
 */
export function udhElements(udh: string): UdhElement[];

/**
 * The bytes on the wire: the analysis plus `reference` and `encoded_parts` (UDH, TP-UD, TP-UDL,
 * TP-DCS, TP-UDHI, SMPP fields; `tpdu` with the `to` option), as `septet encode --json` prints.
 * @example encode("Hello").encoded_parts[0].user_data  // "C8329BFD06"
 */
export function encode(text: string, options?: Options): EncodeResult;

/**
 * Decodes one part: `{ userData, dcs, udhi, udl }` or `{ pdu }` (hex), as `septet decode --json`.
 * @example decode({ userData: "C8329BFD06", dcs: 0, udl: 5 }).text  // "Hello"
 */
export function decode(part: DecodeInput): DecodeResult;
