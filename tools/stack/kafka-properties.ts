import type { StackConfig } from './config.ts';

/**
 * server.properties for one combined broker + controller node in KRaft mode, bound to
 * loopback only, with every internal topic at replication factor 1. Besides PLAINTEXT it has a
 * SASL_PLAINTEXT listener with SCRAM-SHA-512 (the user is created after start, see kafka.ts).
 */
export function renderKafkaProperties(config: StackConfig, dataDir: string): string {
  const { host } = config;
  const { port, controllerPort, saslPort, partitions } = config.kafka;
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${host}:${controllerPort}`,
    listeners: `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort},SASL_PLAINTEXT://${host}:${saslPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${port},SASL_PLAINTEXT://${host}:${saslPort}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'listener.name.sasl_plaintext.sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'log.dirs': dataDir,
    'num.partitions': partitions,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': true,
    'log.retention.hours': 168,
    'log.segment.bytes': 104857600,
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  return `# Written by the Procurelink stack command; edits are overwritten on the next start.\n${lines.join('\n')}\n`;
}
