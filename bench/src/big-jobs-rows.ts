import { measureBigJob, measureManyProcesses } from "./big-jobs.js";
import { mib, type Row, s } from "./table.js";

// Three processes at R = 10/s, 30 requests each: the shared floor is 8.9 s. Each process alone paces at R, so
// without a shared limiter they start 3R together against a limit of R.
const MANY = { processes: 3, rate: 10, idsEach: 600, batchSize: 20 } as const;
// 1,000,000 ids are 5,000 requests: 100 s at R = 50/s (at Gong's default 3/s it would be 28 minutes). The fake
// (validating every request and answer against the spec) is the bottleneck in this process from about 80/s.
const BIG = { ids: 1_000_000, rate: 50 } as const;
// The journal's cost at a raised company limit: 1,000 requests at 50/s, with and without the journal.
const JOURNAL = { ids: 200_000, rate: 50 } as const;
const MEMORY_LIMIT = 600 * 1024 * 1024;

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** The rows of issue 14: many processes (with and without Redis), the 1,000,000-id job, the journal's cost. */
export async function bigJobRows(quick: boolean): Promise<Row[]> {
  progress(`many processes: ${MANY.processes} CLI processes at R = ${MANY.rate}/s, without and with Redis`);
  const alone = await measureManyProcesses({ ...MANY, redis: false });
  const shared = await measureManyProcesses({ ...MANY, redis: true });
  let big: Awaited<ReturnType<typeof measureBigJob>> | null = null;
  if (!quick) {
    progress(`1,000,000 ids through the CLI with a journal at R = ${BIG.rate}/s`);
    big = await measureBigJob({ ...BIG, journal: true });
  }
  progress(`the journal's cost: ${JOURNAL.ids} ids at R = ${JOURNAL.rate}/s, with and without`);
  const withJournal = await measureBigJob({ ...JOURNAL, journal: true });
  const withoutJournal = await measureBigJob({ ...JOURNAL, journal: false });

  const manyRows = (name: string, result: typeof alone): Row[] => [
    {
      figure: `${MANY.processes} CLI processes, one limit of ${MANY.rate}/s, ${name}: wall time`,
      measured: s(result.wallMs),
      reference: `shared floor (requests − 1) / R ${s(result.floorMs)}`,
      ratio: result.wallMs / result.floorMs,
      target: name.startsWith("sharing") ? "≤ 1.15" : "",
      met: name.startsWith("sharing") ? result.wallMs / result.floorMs <= 1.15 : null,
    },
    {
      figure: `${MANY.processes} CLI processes, ${name}: 429s met`,
      measured: String(result.rateLimited),
      reference: `of ${result.requests} requests`,
      ratio: null,
      target: name.startsWith("sharing") ? "0" : "",
      met: name.startsWith("sharing") ? result.rateLimited === 0 : null,
    },
  ];
  const rows = [...manyRows("each pacing alone", alone), ...manyRows("sharing one Redis limiter", shared)];
  const floorRow = (figure: string, result: { wallMs: number; floorMs: number }, target: boolean): Row => ({
    figure,
    measured: s(result.wallMs),
    reference: `(requests − 1) / R ${s(result.floorMs)}`,
    ratio: result.wallMs / result.floorMs,
    target: target ? "≤ 1.05" : "",
    met: target ? result.wallMs / result.floorMs <= 1.05 : null,
  });
  if (big) {
    rows.push(floorRow(`1,000,000 ids, CLI with journal at R = ${BIG.rate}/s: wall time`, big, true), {
      figure: "1,000,000 ids, CLI with journal: peak RSS",
      measured: mib(big.peakRss),
      reference: "",
      ratio: null,
      target: `< ${mib(MEMORY_LIMIT)}`,
      met: big.peakRss > 0 && big.peakRss < MEMORY_LIMIT,
    });
  }
  rows.push(
    floorRow(
      `${JOURNAL.ids.toLocaleString("en-US")} ids at R = ${JOURNAL.rate}/s with a journal: wall time`,
      withJournal,
      true,
    ),
    floorRow("the same without a journal: wall time", withoutJournal, false),
  );
  return rows;
}
