import * as zxingLibrary from '@zxing/library';

/**
 * @zxing/library, whichever build was loaded. Bundlers take its ES build (named exports, no
 * default); Node takes its CommonJS build, whose named exports Node cannot detect, so there
 * they sit on `default` only (tests and benchmarks run the fallback engine in Node too).
 */
export const zxing: typeof zxingLibrary =
  (Reflect.get(zxingLibrary, 'default') as typeof zxingLibrary | undefined) ?? zxingLibrary;
