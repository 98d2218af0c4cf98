import { AssistedRequest } from '../protection-request.js';
import { plainFieldMessage, type FieldErrorWords } from './field-errors.js';

const words: { errors: FieldErrorWords } = {
  errors: {
    required: 'required',
    choose: 'choose',
    chooseAtLeastOne: 'at least one',
    tooLong: 'at most {max}',
    tooMany: 'too many {max}',
    email: 'email',
    date: 'date',
    time: 'time',
    phoneShort: 'phone short',
    summary: 'say what happens',
    methods: 'pick a way',
    consent: 'consent',
  },
};

const issueAt = (path: string) => {
  const result = AssistedRequest.safeParse({ channel: 'phone', request: { summary: '', contact: { methods: [] }, consent: {} } });
  const issue = result.error?.issues.find((candidate) => candidate.path.join('.') === path);
  if (!issue) throw new Error(`no issue at ${path}`);
  return issue;
};

describe('plainFieldMessage', () => {
  it("words a wrapped request's fields as the public form words them", () => {
    expect(plainFieldMessage(issueAt('request.summary'), words, {}, 'fr', 'request')).toBe('say what happens');
    expect(plainFieldMessage(issueAt('request.contact.methods'), words, {}, 'fr', 'request')).toBe('pick a way');
  });

  it('does not take a wrapped field for the top-level one without its root', () => {
    expect(plainFieldMessage(issueAt('request.summary'), words, {}, 'fr')).not.toBe('say what happens');
  });
});
