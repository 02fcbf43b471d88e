import { parseArgs } from 'node:util';
import { contract, isOperationName, operationNames } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import { maxJsonInputBytes } from '../../shared/api/limits';
import { createTempFile, type HostFile, hostFile, registerPath, releaseFile } from '../../core/host-files';
import { inputHelp } from '../api/input-fields';
import { apiErrorLine, CliError } from '../cli-error';
import type { Command } from '../command';
import { copyToStdout } from '../deliver';
import { isStdout } from '../output-target';

const usage = `leadledger api OPERATION [JSON | -] [--json] [--file PATH | --output PATH]
       leadledger api --list
       leadledger api OPERATION --help

  Calls one operation of the API through the same dispatcher as the app and prints its value as JSON.
  JSON is the input object (default {}); - reads it from standard input.
  --json        on an error, print the error envelope {"ok":false,"error":…} on stdout instead of one line on stderr
  --file PATH   register PATH for reading and pass its id as "fileId" (csv:inspect, csv:preview, csv:start-import, …)
  --output PATH register PATH for writing and pass its id as "fileId" (csv:export-file); - writes the file to standard output instead of the JSON value
  Standard input takes at most 1 MB, as browser mode's requests.
  An import job lives in the process that started it: use leadledger import for an import and its summary.`;

function listText(): string {
  const width = Math.max(...operationNames.map((n) => n.length));
  return `${operationNames.map((name) => `${name.padEnd(width)}  ${contract[name].description}`.trimEnd()).join('\n')}\n`;
}

function parseInput(text: string): { ok: true; value: unknown } | { ok: false; error: ApiError } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: `The input is not valid JSON: ${(error as Error).message}` },
    };
  }
}

export const apiCommand: Command = {
  name: 'api',
  summary: 'Call any operation of the API with a JSON input (--list shows them all)',
  usage,
  // No `store`: the database opens as the operation needs (storeModeFor): a read needs an existing one, so a
  // mistyped --db path is not turned into a new, empty database; a write opens or creates it.
  ownHelp: true,
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        list: { type: 'boolean' },
        help: { type: 'boolean' },
        json: { type: 'boolean' },
        file: { type: 'string' },
        output: { type: 'string' },
      },
    });
    if (values.list) {
      env.io.stdout(listText());
      return 0;
    }
    const [name, json, ...extra] = positionals;
    if (!name) {
      if (values.help) {
        env.io.stdout(`Call any operation of the API\n\nUsage: ${usage}\n`);
        return 0;
      }
      throw new CliError(`Name an operation (leadledger api --list shows them). Usage: ${usage.split('\n')[0]}`, 2);
    }
    if (extra.length > 0)
      throw new CliError('Give the input as one JSON argument (quote it), or - to read it from standard input', 2);
    if (values.file && values.output) throw new CliError('Use --file or --output, not both', 2);
    const fail = (error: ApiError) => {
      if (values.json) env.io.stdout(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
      else env.io.stderr(`leadledger: ${apiErrorLine(error)}\n`);
      return 1;
    };
    if (values.help) {
      if (!isOperationName(name))
        return fail({
          code: 'unknown_operation',
          message: `Unknown operation "${name.slice(0, 80)}" (leadledger api --list shows them)`,
        });
      env.io.stdout(inputHelp(name, contract[name].description, contract[name].input));
      return 0;
    }
    let text = json ?? '';
    if (json === '-') {
      try {
        text = (await env.io.readStdin?.(maxJsonInputBytes)) ?? '';
      } catch (error) {
        if (error instanceof CliError) return fail({ code: 'invalid_input', message: error.message });
        throw error;
      }
    }
    const parsed = parseInput(text);
    if (!parsed.ok) return fail(parsed.error);
    let input = parsed.value;
    let file: HostFile | undefined;
    let toStdout = false;
    const path = values.file ?? values.output;
    if (path !== undefined) {
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        return fail({ code: 'invalid_input', message: 'With --file or --output the input must be a JSON object' });
      // `--output -` or /dev/stdout: the file is written to stdout (through a private temp file), instead of the JSON value.
      toStdout = values.output !== undefined && isStdout(values.output);
      file = toStdout ? createTempFile('export.csv', 'write') : registerPath(path, values.file ? 'read' : 'write');
      input = { ...input, fileId: file.fileId };
    }
    try {
      const result = await env.dispatch(name, input);
      if (!result.ok) return fail(result.error);
      if (toStdout) await copyToStdout(hostFile(file!.fileId, 'write').path, env.io);
      else env.io.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
      return 0;
    } finally {
      if (file) releaseFile(file.fileId);
    }
  },
};
