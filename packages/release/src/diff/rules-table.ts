import { RULES } from "./rules.js";

const START =
  "<!-- rules:start (generated from src/diff/rules.ts by `pnpm --filter @gong-flows/release rules:table`) -->";
const END = "<!-- rules:end -->";

/** The rules of {@link RULES} as the Markdown table the README shows. */
export function renderRulesTable(): string {
  const rows = Object.entries(RULES).map(
    ([id, rule]) =>
      `| \`${id}\` | ${rule.level} | ${rule.direction} | ${rule.catches.replace(/\|/g, "\\|")} |`,
  );
  return [
    `${rows.length} rules. ERR refuses the change without a major changeset; WARN and INFO are printed only.`,
    "",
    "| rule | level | direction | catches |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** `readme` with the text between the rules markers replaced by the current table. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the README has no ${START} … ${END} section`);
  return `${readme.slice(0, start + START.length)}\n${renderRulesTable()}\n${readme.slice(end)}`;
}
