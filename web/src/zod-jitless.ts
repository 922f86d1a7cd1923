import { z } from 'zod';

// Imported first by main.tsx, before any module builds a schema: zod v4 probes `new Function` when
// it builds its first object schema (to compile fast parsers), and under the app's
// Content-Security-Policy (no 'unsafe-eval') the browser reports that probe as a violation on every
// page, though zod swallows the error. Jitless, zod never probes and parses without generated code.
z.config({ jitless: true });
