import { runCli } from './main';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
};

process.exitCode = await runCli(process.argv.slice(2), io);
