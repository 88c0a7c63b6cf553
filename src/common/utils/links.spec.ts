describe('linkBase', () => {
  const original = process.env.PUBLIC_URL;
  afterAll(() => {
    if (original === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = original;
  });

  it('is PUBLIC_URL (without trailing slashes) when set, whatever the request says', async () => {
    process.env.PUBLIC_URL = 'https://time.example.com/tracker//';
    const { linkBase } = await import('./links');
    expect(linkBase({ protocol: 'http', host: '10.0.0.5:3000' })).toBe('https://time.example.com/tracker');
  });
});
