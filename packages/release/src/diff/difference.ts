import type { SpecDocument } from "./document.js";
import { type Level, RULES, type RuleId } from "./rules.js";

/** One difference between two versions of the spec, as a rule of {@link RULES} judged it. */
export interface SpecDifference {
  readonly rule: RuleId;
  /** `ERR` breaks clients; `WARN` and `INFO` do not refuse the change. */
  readonly level: Level;
  /** The operation, e.g. `POST /v2/flows/prospects/unassign-flows-by-instance-id`, or `components`. */
  readonly operation: string;
  /** Where inside the operation, JSON-pointer-like, e.g. `/requestBody/content/application~1json/schema/properties/ids`. */
  readonly path: string;
  readonly message: string;
}

/** What every comparison of one operation needs: both documents and where to report. */
export interface OperationContext {
  readonly before: SpecDocument;
  readonly after: SpecDocument;
  report(rule: RuleId, path: string, message: string): void;
}

/** Collects the differences of every operation, once each. */
export class Findings {
  readonly #found = new Map<string, SpecDifference>();

  constructor(
    readonly before: SpecDocument,
    readonly after: SpecDocument,
  ) {}

  forOperation(operation: string): OperationContext {
    return {
      before: this.before,
      after: this.after,
      report: (rule, path, message) => {
        const difference = { rule, level: RULES[rule].level, operation, path, message };
        this.#found.set(`${rule}|${operation}|${path}|${message}`, difference);
      },
    };
  }

  list(): SpecDifference[] {
    return [...this.#found.values()];
  }
}
