import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseProjectConfig, type ConfigProblem, type ProjectConfig } from '../core/config/index.js';
import type { Knowledge } from '../core/index.js';

export const PROJECT_CONFIG_FILE = '.avvrc.json';

export interface FoundConfig {
  /** The file that applies, or undefined when no folder up to the root has one. */
  file?: string;
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/**
 * The `.avvrc.json` nearest to a contract: its own folder, then each parent up to the file-system root
 * (as `.editorconfig` or `.markdownlint.json`). Results are cached per folder until {@link forget} is called.
 */
export class ProjectConfigs {
  private readonly byDir = new Map<string, FoundConfig>();

  constructor(private readonly knowledge: Knowledge) {}

  forFile(file: string): FoundConfig {
    return this.forDir(path.dirname(path.resolve(file)));
  }

  private forDir(dir: string): FoundConfig {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const candidate = path.join(dir, PROJECT_CONFIG_FILE);
    let found: FoundConfig;
    let text: string | undefined;
    try {
      text = fs.readFileSync(candidate, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) found = { file: candidate, ...parseProjectConfig(text, this.knowledge) };
    else {
      const parent = path.dirname(dir);
      found = parent === dir ? { config: {}, problems: [] } : this.forDir(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** After a `.avvrc.json` was created, changed or deleted. */
  forget(): void {
    this.byDir.clear();
  }
}
