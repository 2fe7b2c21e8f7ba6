/** `hindsight import --help`: apart from the command, so the help is printed without loading it. */
export const importUsage = {
  usage: 'import [--dry-run] [--zone <zone>] [--date-order DMY|MDY] [--url <url> [--token <token>] | --remote] <files or folders>...',
  summary: 'import Markdown or text postmortems into the database, each as an incident with its review',
  details: `Folders are read recursively for .md, .markdown, .mdx and .txt files. Each file is imported in
one transaction; a file imported before (same name and content) creates nothing new.
  --dry-run            only read the files and print what would be imported
  --zone <zone>        the IANA zone of times in files that state none (e.g. Europe/London)
  --date-order <o>     how to read 5/3/24: DMY (default) or MDY
Without --url, the files are written to this machine's database (the server's configuration).
With --url (or --remote: the server and token of HINDSIGHT_URL/HINDSIGHT_TOKEN or the client's
config file, --config <file>; see docs/mcp-and-cli.md), they are sent to the server's
POST /api/imports with an API token of the responder role, and audited as its user.
Exit codes: 0 all imported (or previewed), 1 some file could not be read or imported, 2 bad usage,
3 (with --url) the server cannot be reached or refuses the token.
See docs/importing.md.`,
};
