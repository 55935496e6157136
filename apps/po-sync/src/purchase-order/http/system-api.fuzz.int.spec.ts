// Property-based fuzzing (fast-check) of po-sync's HTTP system API: the built service on 127.0.0.1
// against the real stack, a few hundred generated requests (broken bodies, content types,
// credentials, idempotency keys, path parameters, made-up routes). Every answer comes within the
// deadline and is a success or a 4xx problem+json of a documented type: never a 5xx, never a hang.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { SAMPLE_BODIES } from '../../../../../test/faults/sample-bodies';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { fuzzSystemApi, startFuzzedService, type FuzzedApi } from '../../../../../test/faults/http-fuzz';

let api: FuzzedApi;

beforeAll(async () => {
  api = await startFuzzedService('po-sync');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('po-sync system API under fuzzing', () => {
  it('when sent generated bad requests › answers each with a success or a 4xx problem+json of a known type, never a 5xx or a hang', async () => {
    const { cases, byStatus } = await fuzzSystemApi(api, SAMPLE_BODIES);
    expect(cases).toBeGreaterThanOrEqual(500);
    expect(Object.keys(byStatus).some((status) => Number(status) >= 400)).toBe(true);
  }, 120_000);
});
