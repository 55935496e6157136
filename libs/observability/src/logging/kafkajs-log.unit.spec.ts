import { JsonLogger } from './json-logger';
import { kafkaLogCreator } from './kafkajs-log';
import { installServiceLogger } from './service-logger';

describe('kafkaLogCreator', () => {
  afterEach(() => installServiceLogger(undefined));

  it("writes kafkajs' entries through the service logger, in its shape and level, redacted", () => {
    const lines: string[] = [];
    installServiceLogger(new JsonLogger({ service: 'po-sync', level: 'info', write: (line) => lines.push(line) }));
    const log = kafkaLogCreator();
    log({ namespace: 'Connection', level: 1, label: 'ERROR', log: { message: 'Connection error', timestamp: 'x', broker: 'kafka://app:s3cret@b1:9093', retryCount: 2 } });
    log({ namespace: 'Consumer', level: 5, label: 'DEBUG', log: { message: 'hidden below info' } });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      {
        time: expect.any(String),
        level: 'error',
        service: 'po-sync',
        logger: 'kafkajs',
        message: 'Connection error',
        namespace: 'Connection',
        broker: 'kafka://[REDACTED]@b1:9093',
        retryCount: 2,
      },
    ]);
  });
});
