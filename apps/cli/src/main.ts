import { type Command, parseCommand } from "./args.js";
import { HELP } from "./help.js";
import type { CliIo } from "./io.js";
import { printable } from "./printable.js";
import { UsageError } from "./usage-error.js";
import { CLI_VERSION } from "./version.js";

/** Runs the CLI and returns its exit code: 0 all unassigned, 1 not all, 2 usage or input error. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(parseCommand(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`gong-flows: ${printable(error.message)}\n`);
      return 2;
    }
    const message = (error as Error)?.message ?? String(error);
    io.stderr.write(`gong-flows: internal error: ${printable(message)}\n`);
    return 1;
  }
}

async function run(command: Command, io: CliIo): Promise<number> {
  switch (command.kind) {
    case "help":
      io.stdout.write(HELP[command.topic]);
      return 0;
    case "version":
      io.stdout.write(`${CLI_VERSION}\n`);
      return 0;
    case "unassign": {
      // Loaded only here: --help, --version and flag errors then start without the client and the journal.
      const { unassign } = await import("./unassign.js");
      return unassign(command, io);
    }
    case "find": {
      const { find } = await import("./lookups.js");
      return find(command, io);
    }
    case "flows": {
      const { flows } = await import("./lookups.js");
      return flows(command, io);
    }
  }
}
