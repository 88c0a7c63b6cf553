import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isPublicRoute, Public, REQUIRED_ROLES, Roles, routeMetadata } from './auth.decorators';

class Open {
  @Public()
  health(): void {}
  other(): void {}
}

@Public()
class AllOpen {
  page(): void {}
}

class Guarded {
  @Roles('WORKSPACE_ADMIN')
  admin(): void {}
}

/** The two things guards read off an ExecutionContext: the controller class and the handler. */
const route = (controller: object, handler: object) =>
  ({ getClass: () => controller, getHandler: () => handler }) as unknown as ExecutionContext;

describe('route metadata read by the guards', () => {
  const reflector = new Reflector();

  it('finds @Public() on the handler or the controller, and nowhere else', () => {
    expect(isPublicRoute(reflector, route(Open, Open.prototype.health))).toBe(true);
    expect(isPublicRoute(reflector, route(Open, Open.prototype.other))).toBe(false);
    expect(isPublicRoute(reflector, route(AllOpen, AllOpen.prototype.page))).toBe(true);
    expect(isPublicRoute(reflector, route(Guarded, Guarded.prototype.admin))).toBe(false);
  });

  it('answers the same on the second asking (the value is kept per controller and handler)', () => {
    const context = route(Guarded, Guarded.prototype.admin);
    expect(routeMetadata(reflector, context, REQUIRED_ROLES)).toEqual(['WORKSPACE_ADMIN']);
    expect(routeMetadata(reflector, context, REQUIRED_ROLES)).toEqual(['WORKSPACE_ADMIN']);
    // The same handler under another controller is looked up for that controller.
    expect(isPublicRoute(reflector, route(AllOpen, Guarded.prototype.admin))).toBe(true);
    expect(isPublicRoute(reflector, route(Guarded, Guarded.prototype.admin))).toBe(false);
  });
});
