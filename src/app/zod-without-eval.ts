import { config } from 'zod/v4/core';

// Zod probes for `new Function` the first time it parses an object, to compile fast parsers.
// Our Content-Security-Policy has no 'unsafe-eval', so the probe is refused and reported as a
// violation even though Zod catches it. Parsing without compiled code is fast enough for the
// app's payloads. This module runs before any schema is used: main.tsx imports it first.
config({ jitless: true });
