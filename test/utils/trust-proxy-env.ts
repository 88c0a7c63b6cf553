// Imported first by a test file that needs the server behind a trusted proxy (settings are read once per process).
process.env.TRUST_PROXY = 'true';
delete process.env.PUBLIC_URL;
