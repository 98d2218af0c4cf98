import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_RULE, type AccessRule } from './access.decorators.js';

/**
 * Ends each operation's description with who may call it, read from the
 * access rule the guard enforces (handler first, then controller, as the
 * guard reads it): the document cannot promise a narrower access than the code.
 */
export function describeAccess(app: INestApplication, document: OpenAPIObject): void {
  const rules = accessRulesByOperationId(app);
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { operationId?: string; description?: string }[]) {
      const rule = operation.operationId ? rules.get(operation.operationId) : undefined;
      if (rule) operation.description = [operation.description, whoMayCall(rule)].filter(Boolean).join(' ');
    }
  }
}

/** The access rule of every handler, keyed as the document names operations (`Controller_handler`). */
function accessRulesByOperationId(app: INestApplication): Map<string, AccessRule> {
  const reflector = new Reflector();
  const rules = new Map<string, AccessRule>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[key];
        if (typeof handler !== 'function') continue;
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]);
        if (rule) rules.set(`${controller.name}_${key}`, rule);
      }
    }
  }
  return rules;
}

function whoMayCall(rule: AccessRule): string {
  if (rule.kind === 'public') return 'Open to anyone, without a session.';
  if (rule.kind === 'authenticated') return 'Any signed-in staff member.';
  return `Staff with the role ${rule.roles.join(' or ')}.`;
}
