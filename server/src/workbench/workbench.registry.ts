import { Injectable } from '@nestjs/common';
import type { WorkbenchSource } from './workbench.types.js';

/**
 * Where features register their workbench sources (in their module's `onModuleInit`). Global, so
 * a feature needs nothing from the workbench feature but this and its types.
 */
@Injectable()
export class WorkbenchRegistry {
  private readonly sources = new Map<string, WorkbenchSource>();

  register(source: WorkbenchSource): void {
    if (this.sources.has(source.name)) throw new Error(`workbench source "${source.name}" registered twice`);
    this.sources.set(source.name, source);
  }

  all(): WorkbenchSource[] {
    return [...this.sources.values()];
  }
}
