import { applyDecorators, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { WorkbenchSource } from './workbench.types.js';

const WORKBENCH_SOURCE = Symbol('workbench-source');

/**
 * Marks a provider as a workbench source: list it among the feature module's providers and the
 * workbench finds it. Nothing else to register, nothing in the workbench to edit.
 */
export function WorkbenchSourceProvider(): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(WORKBENCH_SOURCE, true));
}

/**
 * The workbench sources of every feature: the providers marked `@WorkbenchSourceProvider()`,
 * found once through Nest's discovery, so a feature needs nothing from the workbench feature but
 * the decorator and its types.
 */
@Injectable()
export class WorkbenchRegistry {
  private sources: Map<string, WorkbenchSource> | null = null;

  constructor(@Inject(DiscoveryService) private readonly discovery: DiscoveryService) {}

  all(): WorkbenchSource[] {
    if (!this.sources) {
      this.sources = new Map();
      for (const wrapper of this.discovery.getProviders()) {
        const type = wrapper.metatype;
        if (!wrapper.instance || typeof type !== 'function' || !Reflect.getMetadata(WORKBENCH_SOURCE, type)) continue;
        const source = wrapper.instance as WorkbenchSource;
        if (this.sources.has(source.name)) throw new Error(`two workbench sources are named "${source.name}"`);
        this.sources.set(source.name, source);
      }
    }
    return [...this.sources.values()];
  }
}
