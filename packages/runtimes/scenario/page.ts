import { runScenario } from "./scenario.js";

/** The browser entry: the test bundles this module and calls `runScenario(baseUrl)` in the page. */
(globalThis as { runScenario?: typeof runScenario }).runScenario = runScenario;
