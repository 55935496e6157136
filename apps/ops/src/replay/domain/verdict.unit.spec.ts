import { HEADERS } from '@procurelink/messaging';
import { deadLetter } from './dead-letter.fixture.spec';
import { decideReplay, type ReplayFacts } from './verdict';

const NOW = Date.parse('2026-01-06T09:30:00Z');
const options = { actor: 'ops-operator', now: NOW, force: false };
const absent: ReplayFacts = { claim: { state: 'absent', eventId: 'ev-1' } };
const retriable = (overrides = {}) => deadLetter({ errorCode: 'TARGET_UNAVAILABLE', errorMessage: 'ERP answered 503', ...overrides });

describe('deciding what a replay of a dead letter would do', () => {
  describe('when the record failed for a reason outside it (target down) and nothing took effect', () => {
    const plan = decideReplay(retriable(), absent, options);

    it('says WOULD_REPLAY and sends it back', () => {
      expect(plan.verdict).toBe('WOULD_REPLAY');
      expect(plan.publish).toBe(true);
    });

    it('sends the same key and bytes to the original topic with replay headers and without failure headers', () => {
      const row = retriable();
      expect(plan.record?.topic).toBe('source.ap.invoice.v1');
      expect(plan.record?.key?.toString()).toBe('INV-1');
      expect(plan.record?.value).toEqual(row.value);
      expect(plan.record?.headers).toMatchObject({
        [HEADERS.replayBy]: 'ops-operator',
        [HEADERS.replayAt]: '2026-01-06T09:30:00.000Z',
        [HEADERS.replayCount]: '1',
        [HEADERS.originalTopic]: 'source.ap.invoice.v1',
        traceparent: row.headers['traceparent'],
      });
      expect(plan.record?.headers).not.toHaveProperty(HEADERS.errorCode);
    });

    it('states that the replay goes through the consumer\'s idempotency and can never post twice', () => {
      expect(plan.reason).toMatch(/would replay to source\.ap\.invoice\.v1/);
      expect(plan.reason).toMatch(/idempotency claims.*can never post twice/);
    });
  });

  describe('when its event id is claimed as done in the consumer group', () => {
    const plan = decideReplay(retriable(), { claim: { state: 'done', eventId: 'ev-9' } }, options);

    it('says ALREADY_TOOK_EFFECT — would change nothing — and does not send it', () => {
      expect(plan.verdict).toBe('ALREADY_TOOK_EFFECT');
      expect(plan.reason).toMatch(/^already took effect — would change nothing: event ev-9 is already claimed as done in procurelink\.invoice-sync/);
      expect(plan.publish).toBe(false);
    });

    it('with force sends it anyway (the claim makes the consumer skip it)', () => {
      expect(decideReplay(retriable(), { claim: { state: 'done', eventId: 'ev-9' } }, { ...options, force: true }).publish).toBe(true);
    });
  });

  describe('when ops sees the document already in the stage the record leads to', () => {
    it('says ALREADY_TOOK_EFFECT naming the document and its stage', () => {
      const plan = decideReplay(retriable(), { ...absent, effectSeen: 'invoice INV-1 is POSTED' }, options);
      expect(plan.verdict).toBe('ALREADY_TOOK_EFFECT');
      expect(plan.reason).toContain('invoice INV-1 is POSTED');
    });
  });

  describe('when a non-retriable INVALID_INPUT record would be sent back with unchanged bytes', () => {
    const plan = decideReplay(deadLetter(), absent, options);

    it('says WOULD_FAIL_AGAIN with the original reason and does not send it', () => {
      expect(plan.verdict).toBe('WOULD_FAIL_AGAIN');
      expect(plan.reason).toMatch(/INVALID_INPUT \(lines\[0\]\.quantity: must be a decimal\)/);
      expect(plan.reason).toMatch(/same bytes gives the same dead letter/);
      expect(plan.publish).toBe(false);
    });

    it('with force sends it back all the same', () => {
      const forced = decideReplay(deadLetter(), absent, { ...options, force: true });
      expect(forced.verdict).toBe('WOULD_FAIL_AGAIN');
      expect(forced.publish).toBe(true);
      expect(forced.reason).toMatch(/force=true: sent back anyway/);
    });

    it.each(['BAD_WIRE_FORMAT', 'UNDECODABLE_PAYLOAD'])('treats %s, also decided by the bytes, the same way', (errorCode) => {
      expect(decideReplay(deadLetter({ errorCode }), absent, options).verdict).toBe('WOULD_FAIL_AGAIN');
    });

    it('but a NO_HANDLER record may pass once a handler is deployed: WOULD_REPLAY with that caveat', () => {
      const plan = decideReplay(deadLetter({ errorCode: 'NO_HANDLER' }), absent, options);
      expect(plan.verdict).toBe('WOULD_REPLAY');
      expect(plan.reason).toMatch(/unless a handler/);
    });
  });

  describe('when the record cannot be sent back', () => {
    it.each([
      ['it has no original-topic header', deadLetter({ originalTopic: null, errorCode: 'TARGET_UNAVAILABLE' }), /no procurelink\.original\.topic header/],
      ['it has no value', deadLetter({ value: null, errorCode: 'TARGET_UNAVAILABLE' }), /has no value/],
      ['it has an empty value', deadLetter({ value: Buffer.alloc(0), errorCode: 'TARGET_UNAVAILABLE' }), /has no value/],
    ])('because %s › CANNOT_REPLAY, even with force', (_, row, reason) => {
      const plan = decideReplay(row, { ...absent, claim: { state: 'done', eventId: 'e' } }, { ...options, force: true });
      expect(plan.verdict).toBe('CANNOT_REPLAY');
      expect(plan.reason).toMatch(reason);
      expect(plan.publish).toBe(false);
      expect(plan.record).toBeUndefined();
    });

    it('because the actor is not a plain name › CANNOT_REPLAY', () => {
      expect(decideReplay(retriable(), absent, { ...options, actor: 'bad actor; drop' }).verdict).toBe('CANNOT_REPLAY');
    });
  });

  describe('when the dead letter was already replayed', () => {
    const row = retriable({ status: 'REPLAYED' as const });

    it('says ALREADY_REPLAYED and does not send it again', () => {
      const plan = decideReplay(row, absent, options);
      expect(plan.verdict).toBe('ALREADY_REPLAYED');
      expect(plan.publish).toBe(false);
    });

    it('with force sends it again, counting the replays from its headers', () => {
      const again = retriable({ status: 'REPLAYED' as const, headers: { ...retriable().headers, [HEADERS.replayCount]: '2' } });
      const plan = decideReplay(again, absent, { ...options, force: true });
      expect(plan.publish).toBe(true);
      expect(plan.record?.headers?.[HEADERS.replayCount]).toBe('3');
    });

    it('but when its effect is done, says ALREADY_TOOK_EFFECT instead', () => {
      expect(decideReplay(row, { claim: { state: 'done', eventId: 'e' } }, options).verdict).toBe('ALREADY_TOOK_EFFECT');
    });
  });

  describe('when the event id is unknown or another worker holds the claim', () => {
    it('still replays, saying the business keys guard it', () => {
      const plan = decideReplay(retriable(), { claim: { state: 'unknown', why: 'not JSON' } }, options);
      expect(plan.verdict).toBe('WOULD_REPLAY');
      expect(plan.reason).toMatch(/event id is not known \(not JSON\)/);
    });

    it('notes the claim held elsewhere', () => {
      expect(decideReplay(retriable(), { claim: { state: 'in-progress', eventId: 'e' } }, options).reason).toMatch(/Another worker holds its claim/);
    });
  });
});
