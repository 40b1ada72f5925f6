import { runScenario } from "./scenario.js";

/** The entry for Node, Bun and Deno: `<runtime> dist/main.js BASE_URL` prints the scenario's result as JSON. */
interface ArgvGlobals {
  Deno?: { args: string[] };
  process?: { argv: string[] };
}

const runtime = globalThis as ArgvGlobals;
const baseUrl = runtime.Deno ? runtime.Deno.args[0] : runtime.process?.argv[2];
if (!baseUrl) throw new Error("usage: <runtime> dist/main.js BASE_URL");
console.log(JSON.stringify(await runScenario(baseUrl)));
