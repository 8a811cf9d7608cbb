/**
 * zod as the whole project uses it: jitless. Kata's CSP allows no JavaScript eval, so zod's
 * compiled parsers (built with `new Function`) can never run, and zod's probe for them is
 * reported as a CSP violation even though the throw is caught. Import `z` from here, never
 * from 'zod' directly, so the setting is in force before the first schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
