import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { bodyParserProblem } from '../domain/problems';
import { ApiProblem, InvalidRequest } from '../domain/problems';
import { problemFor } from './problem-mapping';

describe('problem mapping', () => {
  it('InvalidRequest › 400 invalid-request with the field problems', () => {
    const mapped = problemFor(new InvalidRequest([{ path: 'lines[0].quantity', code: 'REQUIRED', message: 'is required' }]));
    expect(mapped.problem).toEqual({
      type: 'urn:procurelink:problem:invalid-request',
      title: 'Invalid request',
      status: 400,
      detail: '1 problem(s) in the request',
      problems: [{ path: 'lines[0].quantity', code: 'REQUIRED', message: 'is required' }],
    });
    expect(mapped.unexpected).toBe(false);
  });

  it('an ApiProblem keeps its status, headers and extensions', () => {
    const mapped = problemFor(new ApiProblem(403, 'insufficient-scope', 'Forbidden', 'lacks x', { missingScopes: ['x'] }, { 'WWW-Authenticate': 'Bearer' }));
    expect(mapped.problem).toMatchObject({ status: 403, type: 'urn:procurelink:problem:insufficient-scope', missingScopes: ['x'] });
    expect(mapped.headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });

  it("Nest's HTTP exceptions keep their status and message, except the router's 404, which would echo the path", () => {
    expect(problemFor(new NotFoundException('Cannot GET /v1/<script>')).problem).toMatchObject({ status: 404, title: 'Not found', detail: 'no such resource' });
    expect(problemFor(new NotFoundException('no such dead letter')).problem.detail).toBe('no such dead letter');
    expect(problemFor(new PayloadTooLargeException()).problem).toMatchObject({ status: 413, type: 'urn:procurelink:problem:payload-too-large' });
    expect(problemFor(new BadRequestException(['a must be set', 'b must be set'])).problem.detail).toBe('a must be set; b must be set');
  });

  it('an unknown error › 500 that says nothing of its cause', () => {
    const mapped = problemFor(new Error('password=hunter2 in redis://user:secret@host'));
    expect(mapped.unexpected).toBe(true);
    expect(mapped.problem).toEqual({ type: 'urn:procurelink:problem:internal', title: 'Internal error', status: 500, detail: 'the request could not be completed' });
  });

  it('body parser errors › 413, 400 malformed JSON, 415 — never the parser message', () => {
    expect(bodyParserProblem('entity.too.large', 1024)).toMatchObject({ status: 413, detail: 'the body exceeds 1024 bytes' });
    expect(bodyParserProblem('entity.parse.failed', 1024)).toMatchObject({ status: 400, type: 'urn:procurelink:problem:malformed-json' });
    expect(bodyParserProblem('charset.unsupported', 1024)).toMatchObject({ status: 415 });
    expect(bodyParserProblem('something.else', 1024)).toBeUndefined();
  });
});
