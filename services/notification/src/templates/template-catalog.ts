import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templateHelpers, type Labels } from './template-helpers.js';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** The language the message was actually written in (the default when the asked one lacks it). */
  locale: string;
}

type Compiled = Record<'subject' | 'text' | 'html', Handlebars.TemplateDelegate>;
const PARTS = ['subject', 'text', 'html'] as const;

/**
 * The message templates a communications team edits: `<dir>/<locale>/<name>.{subject,text,html}.hbs`,
 * shared pieces in `<locale>/partials/<name>.{text,html}.hbs`, words in `<locale>/labels.json`.
 * Everything is compiled at start, so a broken template stops the service instead of a message.
 * A locale may translate only some templates; the rest fall back to the default locale.
 */
export class TemplateCatalog {
  private readonly templates = new Map<string, Compiled>();
  private readonly labelsByLocale = new Map<string, Labels>();

  constructor(private readonly directory: string, readonly defaultLocale: string) {
    if (!existsSync(join(directory, defaultLocale))) throw new Error(`No templates for the default locale in ${join(directory, defaultLocale)}`);
    for (const locale of this.locales()) this.load(locale);
  }

  locales(): string[] {
    return readdirSync(this.directory, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  }

  names(locale = this.defaultLocale): string[] {
    return [...this.templates.keys()].filter((key) => key.startsWith(`${locale}/`)).map((key) => key.slice(locale.length + 1)).sort();
  }

  render(name: string, locale: string | null | undefined, model: object): RenderedMessage {
    const candidates = locale ? [locale, locale.split('-')[0]] : [];
    const chosen = candidates.find((l) => this.templates.has(`${l}/${name}`)) ?? this.defaultLocale;
    const compiled = this.templates.get(`${chosen}/${name}`);
    if (!compiled) throw new Error(`No template "${name}" in ${join(this.directory, chosen)}`);
    const subject = compiled.subject({ ...model, labels: this.labelsByLocale.get(chosen) }).replace(/\s+/g, ' ').trim();
    // Every template may use its language's labels (e.g. the signature) without the caller passing them.
    const context = { ...model, subject, locale: chosen, labels: this.labelsByLocale.get(chosen) };
    return { subject, text: tidy(compiled.text(context)), html: compiled.html(context).trim(), locale: chosen };
  }

  private load(locale: string): void {
    const folder = join(this.directory, locale);
    const labels = this.labels(locale);
    this.labelsByLocale.set(locale, labels);
    const text = this.environment(locale, 'text', labels);
    const html = this.environment(locale, 'html', labels);
    const names = new Set(readdirSync(folder).filter((f) => f.endsWith('.subject.hbs')).map((f) => f.slice(0, -'.subject.hbs'.length)));
    for (const name of names) {
      const source = (part: (typeof PARTS)[number]) => readFileSync(join(folder, `${name}.${part}.hbs`), 'utf8');
      const compiled = {
        subject: text.compile(source('subject'), { noEscape: true }),
        text: text.compile(source('text'), { noEscape: true }),
        html: html.compile(source('html')),
      };
      // Compile now: Handlebars compiles lazily, and a typo must fail at start, not when a customer waits.
      for (const part of PARTS) compiled[part]({}, { data: { root: {} } });
      this.templates.set(`${locale}/${name}`, compiled);
    }
  }

  private labels(locale: string): Labels {
    const read = (l: string) => {
      const file = join(this.directory, l, 'labels.json');
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Labels>) : {};
    };
    const fallback = read(this.defaultLocale);
    const own = read(locale);
    const merged: Record<string, unknown> = { ...fallback };
    for (const [group, value] of Object.entries(own)) {
      merged[group] = value && typeof value === 'object' ? { ...(fallback[group] as object), ...value } : value;
    }
    return { ...merged, dateLocale: String(merged.dateLocale ?? locale) } as Labels;
  }

  private environment(locale: string, mode: 'text' | 'html', labels: Labels): typeof Handlebars {
    const environment = Handlebars.create();
    environment.registerHelper(templateHelpers(labels));
    for (const source of [this.defaultLocale, locale]) {
      const folder = join(this.directory, source, 'partials');
      if (!existsSync(folder)) continue;
      for (const file of readdirSync(folder).filter((f) => f.endsWith(`.${mode}.hbs`))) {
        environment.registerPartial(file.slice(0, -`.${mode}.hbs`.length), readFileSync(join(folder, file), 'utf8'));
      }
    }
    return environment;
  }
}

/** Blank lines left by conditional sections collapse to one, so plain text reads cleanly. */
function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
