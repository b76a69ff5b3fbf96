import type { BatchProblem, BatchSection } from './batch-types.js';
import { GENERAL_SECTION, generatedSlug, knownSectionSlug, sectionTitleTh } from './section-headings.js';

/** Sections in order of appearance; rows before any heading fall into `general`. */
export class SectionRegistry {
  private readonly sections: BatchSection[] = [];
  private active: string | undefined;

  constructor(private readonly problems: BatchProblem[]) {}

  isKnown(heading: string): boolean {
    return knownSectionSlug(heading) !== undefined;
  }

  /** Opens (or reopens) the section for a printed heading or a slug; returns its slug. */
  open(heading: string, line: number): string {
    const existing = this.sections.find((s) => s.title === heading || s.slug === heading);
    if (existing) return (this.active = existing.slug);
    let slug = knownSectionSlug(heading);
    let title = heading;
    if (slug) {
      if (slug === heading) title = sectionTitleTh(slug);
    } else {
      slug = generatedSlug(heading, this.sections.length + 1);
      for (let n = 2; this.sections.some((s) => s.slug === slug); n++) slug = `${generatedSlug(heading, this.sections.length + 1)}-${n}`;
      this.problems.push({
        line,
        message: `unknown section heading "${heading}": using slug "${slug}" (add it to server/kb/section-headings.ts to fix the slug)`,
        severity: 'warning',
      });
    }
    this.sections.push({ slug, title, line });
    return (this.active = slug);
  }

  current(line: number): string {
    return this.active ?? this.open(GENERAL_SECTION.th, line);
  }

  list(): BatchSection[] {
    return [...this.sections];
  }
}
