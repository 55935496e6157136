/** The help texts, by topic ("" is the whole CLI). Printed on stdout by --help / help <topic>. */

const CONNECTION = `Connection (every command):
  --url <url>          the ops service (default: $PROCURELINK_OPS_URL, else http://127.0.0.1:3105)
  --api-key <key>      API key sent as X-API-Key (default: $PROCURELINK_API_KEY, else the dev key);
                       prefer the variable: a flag shows in the process list
  --json               machine-readable output on stdout
  -h, --help           this help`;

const FILTERS = `  --service <name>     the failing service (supplier-sync, po-sync, invoice-sync, payment-status)
  --code <code>        the error code (e.g. INVALID_INPUT, TARGET_REJECTED)
  --since <iso>        last failure at or after this date/instant
  --until <iso>        last failure before this date/instant
  --supplier <id>      supplier id
  --facility <id>      facility id
  --key <key>          business key (PO number, invoice id, ...)
  --status <status>    OPEN, REPLAYED or RESOLVED`;

const EXIT_CODES = `Exit codes: 0 ok; 1 failure (the API's problem is printed); 2 usage error;
            3 a replay found failures or a reconciliation found mismatches.`;

export const HELP: Readonly<Record<string, string>> = {
  '': `procurelink — operate Procurelink from a terminal, over the ops service's HTTP API

Usage: procurelink <command> [options]

Commands:
  dlq list             list dead letters (filter by service, code, time, supplier, facility, key)
  dlq show <id>        one dead letter, decoded and masked, with its failure history
  dlq replay           replay dead letters by id or filter; --dry-run says what would happen
  reconcile            run a reconciliation now and print totals and mismatched documents
  trace <key>          a document chain: stages, events, trace ids and exceptions

Run 'procurelink <command> --help' for a command's options.

${CONNECTION}

${EXIT_CODES}`,

  dlq: `procurelink dlq — the dead-letter topics, as ops stored them

Usage:
  procurelink dlq list [filters] [--limit n] [--after cursor] [--json]
  procurelink dlq show <id> [--json]
  procurelink dlq replay (<id>... | filters) [--dry-run] [--force] [--yes] [--json]

Run 'procurelink dlq <list|show|replay> --help' for details.`,

  'dlq list': `procurelink dlq list — list dead letters, newest failure first

Usage: procurelink dlq list [options]

Filters:
${FILTERS}
  --limit <n>          at most n records (the service caps it)
  --after <cursor>     the page after this cursor (printed under a full page)

${CONNECTION}

Example: procurelink dlq list --service invoice-sync --code INVALID_INPUT --since 2025-03-01`,

  'dlq show': `procurelink dlq show — one dead letter: its value decoded (sensitive fields masked), headers
and failure history (attempts, first and last failure, code, message)

Usage: procurelink dlq show <id> [--json]

${CONNECTION}`,

  'dlq replay': `procurelink dlq replay — send dead letters back to their service

Usage:
  procurelink dlq replay <id>... [--dry-run] [--force] [--yes]
  procurelink dlq replay <filters> [--dry-run] [--force] [--yes]

  --dry-run            say what each record would do, replay nothing (e.g. "already took effect")
  --force              replay even records whose effect is already there (idempotency still
                       stops a second effect in the target systems)
  --yes                do not ask before a real replay of more than one record

Filters (instead of ids; a filter replay selects OPEN records unless --status says otherwise):
${FILTERS}

A real replay of more than one record asks for confirmation on the terminal (without a terminal,
pass --yes). A filter is first resolved by a dry run, which the question summarises. Records go
in chunks of 50 ids, with progress on stderr. Every replay and dry run is audited by the service.

${CONNECTION}

${EXIT_CODES}`,

  reconcile: `procurelink reconcile — compare source and target systems now (purchasing ↔ ERP
encumbrances, AP automation ↔ ERP invoices, ERP ↔ purchasing payment statuses)

Usage: procurelink reconcile [--day YYYY-MM-DD] [--facility id] [--json]

  --day <YYYY-MM-DD>   the business day (default: the service's choice, today)
  --facility <id>      one facility (default: all)

Prints the totals per check and each mismatched document; exits 3 when there are mismatches.

${CONNECTION}`,

  trace: `procurelink trace — a document chain (PO → receipts → invoices → payments) with every
event, trace id and exception

Usage: procurelink trace <business key> [--json]

  <business key>       a PO number (the chain's correlation id) or another document's id

${CONNECTION}`,
};

export const helpHint = (topic: string): string => `Run 'procurelink ${topic === '' ? '' : `${topic} `}--help' for usage.`;
