/**
 * The Java release an Apicurio Registry build needs: the 3.0 and 3.1 lines are compiled for
 * Java 17, later lines for Java 21 (class file version 65).
 */
export function registryJavaMajor(version: string): number {
  const [major, minor] = version.split('.').map(Number);
  if (major === undefined || minor === undefined) return 21;
  if (major < 3 || (major === 3 && minor <= 1)) return 17;
  return 21;
}
