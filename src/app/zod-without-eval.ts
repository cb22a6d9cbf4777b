// Zod probes for `new Function` the first time it parses an object, to compile fast parsers.
// Our Content-Security-Policy has no 'unsafe-eval', so the probe is refused and reported as a
// violation even though Zod catches it. Parsing without compiled code is fast enough for the
// app's payloads. This module runs before any schema is used: main.tsx imports it first.
//
// Zod keeps its settings in one object on `globalThis.__zod_globalConfig`, shared by every copy
// of Zod on the page, and adopts an object that is already there. Setting it here, instead of
// calling `config()` from 'zod/v4/core', keeps Zod's code out of the first screen's JavaScript
// (the queue parses nothing). zod-without-eval.test.ts checks that Zod reads it.
const shared = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(shared.__zod_globalConfig ??= {}).jitless = true;

export {};
