import { ConfigError, parseConfig } from './config.schema.js';

describe('parseConfig', () => {
  it('uses the embedded database and port 3000 when nothing is set', () => {
    const sut = parseConfig({});
    expect(sut.embedded).toBe(true);
    expect(sut.PORT).toBe(3000);
    expect(sut.DATA_DIR).toBe('.data');
  });

  it('uses DATABASE_URL when it is set', () => {
    const sut = parseConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/portal' });
    expect(sut.embedded).toBe(false);
    expect(sut.DATABASE_URL).toBe('postgresql://u:p@db:5432/portal');
  });

  it('names every bad variable and never echoes its value', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://secret-password@x/y' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('secret-password');
  });
});

describe('PASSWORD_ARGON2', () => {
  it('keeps the production cost unless told otherwise', () => {
    expect(parseConfig({}).PASSWORD_ARGON2).toBe('standard');
  });

  it('accepts the test cost only with NODE_ENV=test', () => {
    expect(parseConfig({ NODE_ENV: 'test', PASSWORD_ARGON2: 'test' }).PASSWORD_ARGON2).toBe('test');
    expect(() => parseConfig({ NODE_ENV: 'production', PASSWORD_ARGON2: 'test' })).toThrow(/PASSWORD_ARGON2/);
    expect(() => parseConfig({ PASSWORD_ARGON2: 'test' })).toThrow(/PASSWORD_ARGON2/);
  });
});
