import { runCheckCommand } from './check-command';

// eslint-disable-next-line no-restricted-syntax -- CLI entry point: the environment is read once, here, and passed in
void runCheckCommand(process.env, { out: process.stdout, err: process.stderr }).then((code) => {
  process.exitCode = code;
});
