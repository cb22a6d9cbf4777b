// Node only (tests and benchmarks): the browser fetches the same binary from our own URL.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { WasmSource } from '../wasm-engine';

/** The zxing_reader.wasm of the installed zxing-wasm, read from node_modules. */
export async function nodeWasmSource(): Promise<WasmSource> {
  const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = await readFile(path);
  return { binary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
}
