import { z } from 'zod';

/**
 * Zod 4 compiles object parsers with `new Function` unless told not to; under
 * our CSP (`script-src 'self'`, no 'unsafe-eval') that probe is refused and
 * reported as a violation. Imported first by main.tsx, before any parse runs.
 */
z.config({ jitless: true });
