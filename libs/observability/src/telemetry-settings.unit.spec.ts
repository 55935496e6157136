import { parseTelemetrySettings, readTelemetrySettings, TelemetryConfigError } from './telemetry-settings';

const problemsOf = (env: Record<string, string>) => readTelemetrySettings('po-sync', env).problems;

describe('telemetry settings (the standard OTEL_* variables)', () => {
  it('when nothing is set › traces are made under the service name, parent-based, and exported nowhere', () => {
    expect(parseTelemetrySettings('po-sync', {})).toEqual({
      disabled: false,
      serviceName: 'po-sync',
      resourceAttributes: {},
      exporters: [],
      sampler: { name: 'parentbased_always_on', ratio: 1 },
      batch: { scheduledDelayMillis: 5000, exportTimeoutMillis: 30000, maxQueueSize: 2048, maxExportBatchSize: 512 },
    });
  });

  describe('the exporter', () => {
    it('when OTEL_EXPORTER_OTLP_ENDPOINT is set › exports over OTLP/HTTP to its /v1/traces', () => {
      expect(parseTelemetrySettings('po-sync', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).exporters).toEqual([
        { kind: 'otlp', url: 'http://collector:4318/v1/traces' },
      ]);
    });

    it('when OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set too › uses it as it stands', () => {
      const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/otlp/traces' };
      expect(parseTelemetrySettings('po-sync', env).exporters).toEqual([{ kind: 'otlp', url: 'https://b/otlp/traces' }]);
    });

    it('when OTEL_TRACES_EXPORTER=none › exports nothing even with an endpoint', () => {
      expect(parseTelemetrySettings('po-sync', { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' }).exporters).toEqual([]);
    });

    it('when OTEL_TRACES_EXPORTER=otlp without an endpoint › uses the OTLP/HTTP default on localhost', () => {
      expect(parseTelemetrySettings('po-sync', { OTEL_TRACES_EXPORTER: 'otlp' }).exporters).toEqual([
        { kind: 'otlp', url: 'http://localhost:4318/v1/traces' },
      ]);
    });

    it('when OTEL_TRACES_EXPORTER lists console and otlp › exports to both', () => {
      expect(parseTelemetrySettings('po-sync', { OTEL_TRACES_EXPORTER: 'console, otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' }).exporters).toEqual([
        { kind: 'console' },
        { kind: 'otlp', url: 'http://a:4318/v1/traces' },
      ]);
    });

    it('when the endpoint is not an http URL › names the variable without echoing its value', () => {
      const problems = problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://user:s3cret@collector' });
      expect(problems).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT: must be an http or https URL']);
      expect(problems.join()).not.toContain('s3cret');
    });

    it('when a protocol other than http/json is asked for › says only http/json is supported', () => {
      expect(problemsOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual(['OTEL_EXPORTER_OTLP_PROTOCOL=grpc: only http/json is supported']);
      expect(problemsOf({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' })).toEqual([]);
    });

    it('when OTEL_TRACES_EXPORTER is unknown › lists what is accepted', () => {
      expect(problemsOf({ OTEL_TRACES_EXPORTER: 'jaeger' })).toEqual(['OTEL_TRACES_EXPORTER=jaeger: must be one or more of otlp, console, none']);
    });
  });

  it('OTEL_SERVICE_NAME overrides the service name; OTEL_RESOURCE_ATTRIBUTES are decoded', () => {
    const settings = parseTelemetrySettings('po-sync', {
      OTEL_SERVICE_NAME: 'po-sync-eu',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=prod, team=p2p%20core',
    });
    expect(settings.serviceName).toBe('po-sync-eu');
    expect(settings.resourceAttributes).toEqual({ 'deployment.environment.name': 'prod', team: 'p2p core' });
  });

  it('OTEL_SDK_DISABLED accepts true or false in any case, and nothing else', () => {
    expect(parseTelemetrySettings('po-sync', { OTEL_SDK_DISABLED: 'TRUE' }).disabled).toBe(true);
    expect(parseTelemetrySettings('po-sync', { OTEL_SDK_DISABLED: 'false' }).disabled).toBe(false);
    expect(problemsOf({ OTEL_SDK_DISABLED: 'yes' })).toEqual(['OTEL_SDK_DISABLED=yes: must be true or false']);
  });

  describe('the sampler', () => {
    it('reads a ratio sampler with its argument', () => {
      expect(parseTelemetrySettings('po-sync', { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }).sampler).toEqual({
        name: 'parentbased_traceidratio',
        ratio: 0.25,
      });
    });

    it('when the sampler or its ratio is wrong › names the variable', () => {
      expect(problemsOf({ OTEL_TRACES_SAMPLER: 'jaeger_remote' })[0]).toMatch(/^OTEL_TRACES_SAMPLER=jaeger_remote: must be one of always_on, /);
      expect(problemsOf({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' })).toEqual([
        'OTEL_TRACES_SAMPLER_ARG=1.5: must be a number from 0 to 1',
      ]);
    });
  });

  it('reads the batch span processor settings and refuses a batch larger than the queue', () => {
    expect(parseTelemetrySettings('po-sync', { OTEL_BSP_SCHEDULE_DELAY: '200' }).batch.scheduledDelayMillis).toBe(200);
    expect(problemsOf({ OTEL_BSP_SCHEDULE_DELAY: 'soon', OTEL_BSP_MAX_QUEUE_SIZE: '10', OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '20' })).toEqual([
      'OTEL_BSP_SCHEDULE_DELAY=soon: must be a whole number of at least 0',
      'OTEL_BSP_MAX_EXPORT_BATCH_SIZE=20: must not exceed OTEL_BSP_MAX_QUEUE_SIZE (10)',
    ]);
  });

  it('when several values are wrong › one error lists every problem under the service name', () => {
    let error: unknown;
    try {
      parseTelemetrySettings('po-sync', { OTEL_SDK_DISABLED: 'maybe', OTEL_RESOURCE_ATTRIBUTES: 'novalue', OTEL_BSP_MAX_QUEUE_SIZE: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TelemetryConfigError);
    expect((error as TelemetryConfigError).problems).toEqual([
      'OTEL_SDK_DISABLED=maybe: must be true or false',
      'OTEL_RESOURCE_ATTRIBUTES: entry 1 must be key=value',
      'OTEL_BSP_MAX_QUEUE_SIZE=0: must be a whole number of at least 1',
    ]);
    expect((error as Error).message).toContain('po-sync: invalid telemetry configuration');
  });
});
