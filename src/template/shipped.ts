/**
 * Turns on rendering the built-in templates from their shipped render programs (src/template/
 * prebuilt-programs.ts): called by the entries that only Node loads (the package's `node` export, the
 * file helpers, the render pool's workers, the CLI), so that browsers never load the programs' data.
 */

import { programs } from "./prebuilt/programs.js";
import { usePrebuiltPrograms } from "./prebuilt-programs.js";

export function useShippedPrograms(): void {
  usePrebuiltPrograms(programs);
}
