import { StackError } from './errors.ts';
import { parseJavaMajor, pickJdk, requireJdk } from './java.ts';
import { registryJavaMajor } from './registry-java.ts';

describe('choosing a Java runtime', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25.0.3" 2026-04-21 LTS', 25],
    ['java version "1.8.0_402"', 8],
    ['openjdk version "21-ea" 2023-09-19', 21],
    ['bash: java: command not found', undefined],
  ])('when java -version prints %s › the major version is %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it('when several JDKs are new enough › picks the oldest of them', () => {
    const jdks = [
      { java: '/jvm/25/bin/java', major: 25 },
      { java: '/jvm/17/bin/java', major: 17 },
      { java: '/jvm/21/bin/java', major: 21 },
    ];
    expect(pickJdk(jdks, 17)?.java).toBe('/jvm/17/bin/java');
    expect(pickJdk(jdks, 18)?.java).toBe('/jvm/21/bin/java');
  });

  it('when no JDK is new enough › says which are there and what to install', () => {
    expect(() => requireJdk([{ java: 'java', major: 11 }], 17, 'Apache Kafka 4.1.2')).toThrow(
      new StackError('Apache Kafka 4.1.2 needs Java 17 or newer, and this machine has only Java 11'),
    );
    expect(() => requireJdk([], 17, 'Apache Kafka 4.1.2')).toThrow(/has no Java at all/);
  });

  it.each([
    ['3.0.9', 17],
    ['3.1.2', 17],
    ['3.3.3', 21],
    ['4.0.0', 21],
  ])('when the registry is Apicurio %s › it needs Java %i', (version, major) => {
    expect(registryJavaMajor(version)).toBe(major);
  });
});
