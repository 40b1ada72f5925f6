// `pnpm --filter @gong-flows/release rules:table`: rewrites the rules table of packages/release/README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { withRulesTable } from "./diff/rules-table.js";

const readme = new URL("../README.md", import.meta.url);
writeFileSync(readme, withRulesTable(readFileSync(readme, "utf8")));
