export { HEADER_LENGTH, MAGIC_BYTE, readWireHeader, writeWireHeader } from './wire-format';
export type { WireFormatProblem, WireHeader } from './wire-format';
