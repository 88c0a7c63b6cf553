import express, { type RequestHandler } from 'express';
import request from 'supertest';
import { RouteIndex } from './route-index';

/** An app whose routes are registered through a RouteIndex, each answering with its own name. */
function appWith(routes: [method: 'get' | 'post' | 'all', path: string, name: string][]): express.Express {
  const app = express();
  const index = new RouteIndex();
  app.use(index.dispatch);
  for (const [method, path, name] of routes) {
    const answer: RequestHandler = (req, res) => void res.json({ name, params: req.params });
    index.index(method, path, [answer]);
  }
  app.use((_req, res) => void res.status(404).json({ name: 'not found' }));
  return app;
}

describe('RouteIndex', () => {
  const app = appWith([
    ['get', '/health', 'health'],
    ['get', '/v1/workspaces/:workspaceId', 'workspace'],
    ['get', '/v1/workspaces/:workspaceId/time-entries/status/in-progress', 'in-progress'],
    ['get', '/v1/workspaces/:workspaceId/time-entries/:id', 'entry'],
    ['post', '/v1/workspaces/:workspaceId/time-entries', 'create'],
    ['get', '/v1/workspaces/:workspaceId/projects', 'projects'],
    ['get', '/', 'root'],
  ]);

  it.each([
    ['/health', 'health'],
    ['/HEALTH/', 'health'],
    ['/v1/workspaces/w1', 'workspace'],
    ['/v1/workspaces/w1/projects', 'projects'],
    ['/v1/Workspaces/w1/Projects/', 'projects'],
    ['/v1/workspaces/w1/time-entries/status/in-progress', 'in-progress'],
    ['/v1/workspaces/w1/time-entries/e1', 'entry'],
    ['/', 'root'],
  ])('GET %s reaches %s, as Express would match it', async (path, name) => {
    const res = await request(app).get(path).expect(200);
    expect(res.body.name).toBe(name);
  });

  it('keeps the order of registration within a path (the literal route registered first wins)', async () => {
    const res = await request(app).get('/v1/workspaces/w1/time-entries/status/in-progress').expect(200);
    expect(res.body).toEqual({ name: 'in-progress', params: { workspaceId: 'w1' } });
  });

  it('passes parameters and methods through: another method or an unknown path falls through to what follows', async () => {
    expect((await request(app).post('/v1/workspaces/w1/time-entries').expect(200)).body).toEqual({
      name: 'create',
      params: { workspaceId: 'w1' },
    });
    await request(app).get('/v1/workspaces/w1/time-entries').expect(404);
    await request(app).get('/v1/workspaces/w1/nothing').expect(404);
    await request(app).get('/v1/workspaces/w1/projects/p1/too/deep').expect(404);
    await request(app).get('/nothing').expect(404);
  });

  it('runs buckets whose shapes both match one path in the order of their first route', async () => {
    const overlapping = appWith([
      ['get', '/a/:x/c', 'param first'],
      ['get', '/a/b/c', 'literal'],
      ['get', '/a/b/d', 'literal only'],
    ]);
    expect((await request(overlapping).get('/a/b/c').expect(200)).body.name).toBe('param first');
    expect((await request(overlapping).get('/a/b/d').expect(200)).body.name).toBe('literal only');
  });

  it('takes only plain paths', () => {
    expect(RouteIndex.indexable('/v1/workspaces/:workspaceId/time-entries')).toBe(true);
    expect(RouteIndex.indexable('/docs/swagger-ui-init.js')).toBe(true);
    expect(RouteIndex.indexable('/')).toBe(true);
    expect(RouteIndex.indexable('/files/*path')).toBe(false);
    expect(RouteIndex.indexable('/a{/:b}')).toBe(false);
    expect(RouteIndex.indexable(['/a', '/b'])).toBe(false);
    expect(RouteIndex.indexable(/a/)).toBe(false);
  });
});
