/**
 * The package's main entry as Node loads it (the `node` export condition: dist/node/, dist/node-cjs/):
 * src/index.ts, with the built-in templates rendered from their shipped programs instead of compiled
 * (src/template/prebuilt-programs.ts). Bundlers and browsers get src/index.ts itself.
 */
import { usePrebuiltPrograms } from "./template/prebuilt-programs.js";

usePrebuiltPrograms();

export * from "./index.js";
