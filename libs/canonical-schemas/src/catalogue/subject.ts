/** Names the registry subject of a record on a topic. */
export type SubjectNameStrategy = (topic: string, recordFullName: string) => string;

/** TopicRecordNameStrategy: `<topic>-<fully.qualified.RecordName>`, so one topic carries several event types. */
export const topicRecordNameStrategy: SubjectNameStrategy = (topic, recordFullName) => `${topic}-${recordFullName}`;
