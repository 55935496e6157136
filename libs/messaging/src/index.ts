// The Kafka runtime (batches, retry topics, dead letters, replay) arrives with the shared-runtime issue (#3).
export {};
