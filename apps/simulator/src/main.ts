import { ConfigError } from '@procurelink/service-host';
import { parseSimulatorConfig } from './config/simulator-config';
import { runSimulation } from './run-simulation';

let config;
try {
  config = parseSimulatorConfig(process.env, new Date());
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
runSimulation(config, (line) => process.stdout.write(`${line}\n`)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
