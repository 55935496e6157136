import { runGenerateCommand } from './generate-command';

process.exitCode = runGenerateCommand({ out: process.stdout, err: process.stderr });
