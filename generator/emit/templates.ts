// File skeletons from templates/, filled by Handlebars. Templates only place values; every
// decision is made in TypeScript before a value reaches them.
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { TEMPLATES_DIR } from "../paths.js";

const handlebars = Handlebars.create();
handlebars.registerHelper("json", (value: unknown) => JSON.stringify(value));
const cache = new Map<string, HandlebarsTemplateDelegate>();

export function render(template: string, values: Record<string, unknown>): string {
  let compiled = cache.get(template);
  if (!compiled) {
    compiled = handlebars.compile(readFileSync(TEMPLATES_DIR + template, "utf8"), { noEscape: true, strict: true });
    cache.set(template, compiled);
  }
  return compiled(values);
}
