// The entry of a parse sandbox process (see run-in-child.ts): registers the TypeScript loader the
// CLI uses (bin/duban) and runs child-main.ts. Plain JavaScript because the child is started with a
// bare `node`, never under the parent's runner (tsx, vitest).
import { register } from 'tsx/esm/api';

register();
await import('./child-main.ts');
